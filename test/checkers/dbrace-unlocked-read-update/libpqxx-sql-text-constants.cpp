// SQL kept in constants, class constants, static variables and macros. The
// facts are the same wherever the text lives; a fix-it edits the literal
// only when the statement is its one user and it is not spelled in a macro.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <pqxx/pqxx>
#include <string>

namespace {
constexpr const char *kSelectSeats = "SELECT available_seats FROM events WHERE id = $1";
const std::string kSelectBalance = "SELECT balance FROM wallets WHERE id = $1";
} // namespace

class CouponRepo {
public:
  static constexpr const char *kSelectUsed = "SELECT used FROM coupons WHERE code = $1";
  static const std::string kUse;
  void redeem(pqxx::work &w, const std::string &code);
};
const std::string CouponRepo::kUse = "UPDATE coupons SET used = true WHERE code = $1";

#define SELECT_STOCK "SELECT stock FROM products WHERE id = $1"

// A namespace-scope constexpr pointer that book_locked uses too: the
// finding, but the shared literal is not edited.
void book(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params(kSelectSeats, id);
  if (r[0][0].as<int>() > 0)
    w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:20: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: static constexpr const char *kSelectUsed = "SELECT used FROM coupons WHERE code = $1 FOR UPDATE";

// A const std::string that two functions use: the same.
void pay(pqxx::work &w, int wallet) {
  int balance = w.exec_params(kSelectBalance, wallet)[0][0].as<int>();
  w.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", balance - 5, wallet);
}
// CHECK-NOTES: :[[@LINE-3]]:17: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-3]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'wallets' is updated here
int balance_of(pqxx::work &w, int wallet) {
  return w.exec_params(kSelectBalance, wallet)[0][0].as<int>();
}

// Class constants, constexpr in the class and const defined outside it;
// each has one user, so the fix goes into the constant.
void CouponRepo::redeem(pqxx::work &w, const std::string &code) {
  pqxx::result r = w.exec_params(kSelectUsed, code);
  if (!r[0][0].as<bool>())
    w.exec_params(kUse, code);
}
// CHECK-NOTES: :[[@LINE-4]]:20: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'coupons' is updated here

// A function-local static.
void restock(pqxx::work &w, int id) {
  static const std::string select = "SELECT stock FROM products WHERE id = $1 LIMIT 1";
  pqxx::result r = w.exec_params(select, id);
  if (r[0][0].as<int>() < 10)
    w.exec_params("UPDATE products SET stock = stock + 100 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:20: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'products' is updated here
// CHECK-FIXES: static const std::string select = "SELECT stock FROM products WHERE id = $1 LIMIT 1 FOR UPDATE";

// A macro: the facts are kept, the macro is not edited.
void restock_macro(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params(SELECT_STOCK, id);
  if (r[0][0].as<int>() < 10)
    w.exec_params("UPDATE products SET stock = stock + 100 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:20: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'products' is updated here

// The same constants with a lock, or writing another table: silent.
void book_locked(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params(std::string(kSelectSeats) + " FOR UPDATE", id);
  if (r[0][0].as<int>() > 0)
    w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", id);
}
void log_stock(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params(SELECT_STOCK, id);
  if (r[0][0].as<int>() < 10)
    w.exec_params("INSERT INTO restock_requests(product_id) VALUES ($1)", id);
}
