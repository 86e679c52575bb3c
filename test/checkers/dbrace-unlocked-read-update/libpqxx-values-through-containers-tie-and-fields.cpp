// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx

// A read's value keeps its origin through ordinary C++: stored as a
// container's element, unpacked through std::tie, or kept in a field by one
// member function and tested in another.

#include <map>
#include <pqxx/pqxx>
#include <string>
#include <tuple>
#include <vector>

// The element written taints the container; reading any element back
// carries the read.
bool quantities_in_a_map(pqxx::work &w, const std::vector<std::string> &skus,
                         int n) {
  std::map<std::string, int> on_hand;
  for (const std::string &sku : skus)
    on_hand[sku] =
        w.exec_params1("SELECT qty FROM stock WHERE sku = $1", sku)[0].as<int>();
  for (const std::string &sku : skus)
    if (on_hand[sku] < n)
      return false;
  for (const std::string &sku : skus)
    w.exec_params("UPDATE stock SET qty = $1 WHERE sku = $2", on_hand[sku] - n,
                  sku);
  return true;
}
// CHECK-NOTES: :[[@LINE-9]]:9: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-8]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'stock' is updated here
// CHECK-FIXES: w.exec_params1("SELECT qty FROM stock WHERE sku = $1 FOR UPDATE", sku)[0].as<int>();

bool quantities_in_an_array(pqxx::work &w, const std::string &a,
                            const std::string &b) {
  int qty[2];
  qty[0] = w.exec_params1("SELECT qty FROM stock WHERE sku = $1", a)[0].as<int>();
  qty[1] = w.exec_params1("SELECT qty FROM stock WHERE sku = $1", b)[0].as<int>();
  if (qty[0] + qty[1] < 1)
    return false;
  w.exec_params("UPDATE stock SET qty = qty - 1 WHERE sku = $1", a);
  return true;
}
// CHECK-NOTES: :[[@LINE-7]]:12: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'stock' is updated here
// CHECK-FIXES: qty[0] = w.exec_params1("SELECT qty FROM stock WHERE sku = $1 FOR UPDATE", a)[0].as<int>();

std::tuple<int, int> uses_and_cap(pqxx::work &w, const std::string &code) {
  pqxx::row r =
      w.exec_params1("SELECT uses, cap FROM coupons WHERE code = $1", code);
  return std::make_tuple(r[0].as<int>(), r[1].as<int>());
}

// std::tie returns references to its arguments: assigning through it stores
// the helper's read into them.
bool unpacked_with_tie(pqxx::work &w, const std::string &code) {
  int uses = 0, cap = 0;
  std::tie(uses, cap) = uses_and_cap(w, code);
  if (uses >= cap)
    return false;
  w.exec_params("UPDATE coupons SET uses = $1 WHERE code = $2", uses + 1, code);
  return true;
}
// CHECK-NOTES: :[[@LINE-6]]:25: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-15]]:7: note: the value is read here, in 'uses_and_cap'
// CHECK-NOTES: :[[@LINE-7]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:3: note: 'coupons' is updated here

// One member function reads into a field, another tests the field.
class Wallet {
public:
  explicit Wallet(pqxx::work &w) : w_(w) {}

  void refresh(const std::string &owner) {
    balance_ = w_.exec_params1("SELECT balance FROM wallets WHERE owner = $1",
                               owner)[0]
                   .as<long>();
  }

  bool pay(const std::string &owner, long amount) {
    refresh(owner);
    if (balance_ < amount)
      return false;
    w_.exec_params("UPDATE wallets SET balance = $1 WHERE owner = $2",
                   balance_ - amount, owner);
    return true;
  }

  long balance_ = 0;

private:
  pqxx::work &w_;
};

// The same through another object of the class.
bool pay_through(pqxx::work &w, Wallet &wallet, const std::string &owner,
                 long amount) {
  wallet.refresh(owner);
  if (wallet.balance_ < amount)
    return false;
  w.exec_params("UPDATE wallets SET balance = balance - $1 WHERE owner = $2",
                amount, owner);
  return true;
}
// CHECK-NOTES: :[[@LINE-24]]:5: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-31]]:16: note: the value is read here, in 'Wallet::refresh'
// CHECK-NOTES: :[[@LINE-25]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-24]]:5: note: 'wallets' is updated here
// CHECK-NOTES: :[[@LINE-11]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-35]]:16: note: the value is read here, in 'Wallet::refresh'
// CHECK-NOTES: :[[@LINE-12]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-11]]:3: note: 'wallets' is updated here

// Safe: the map holds constants, not what was read; the read is only shown.
int shown_only(pqxx::work &w, const std::vector<std::string> &skus) {
  std::map<std::string, int> limit;
  int shown = 0;
  for (const std::string &sku : skus) {
    limit[sku] = 5;
    shown +=
        w.exec_params1("SELECT qty FROM stock WHERE sku = $1", sku)[0].as<int>();
  }
  for (const std::string &sku : skus)
    if (limit[sku] > 0)
      w.exec_params("UPDATE stock SET qty = qty - 1 WHERE sku = $1", sku);
  return shown;
}

// Safe: std::tie of a locked read.
bool unpacked_locked(pqxx::work &w, const std::string &code) {
  int uses = 0, cap = 0;
  pqxx::row r = w.exec_params1(
      "SELECT uses, cap FROM coupons WHERE code = $1 FOR UPDATE", code);
  std::tie(uses, cap) = std::make_tuple(r[0].as<int>(), r[1].as<int>());
  if (uses >= cap)
    return false;
  w.exec_params("UPDATE coupons SET uses = $1 WHERE code = $2", uses + 1, code);
  return true;
}

