// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx

// Two key variables are different rows only when their values come from
// different places: loop variables of two loops over one range, or a
// constant copy of a key, may hold the same value.

#include <pqxx/pqxx>
#include <string>
#include <vector>

// The first loop sums what it read for every sku, the second writes every
// sku: each write may be of a row the first loop read.
bool restock_all(pqxx::work &w, const std::vector<std::string> &skus, int n) {
  int total = 0;
  for (const std::string &sku : skus)
    total += w.exec_params1("SELECT qty FROM stock WHERE sku = $1", sku)[0]
                 .as<int>();
  if (total < n)
    return false;
  for (const std::string &item : skus)
    w.exec_params("UPDATE stock SET qty = qty - 1 WHERE sku = $1", item);
  return true;
}
// CHECK-NOTES: :[[@LINE-8]]:14: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-7]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'stock' is updated here
// CHECK-FIXES: total += w.exec_params1("SELECT qty FROM stock WHERE sku = $1 FOR UPDATE", sku)[0]

bool through_a_copy(pqxx::work &w, const std::string &code) {
  const std::string key = code;
  int uses =
      w.exec_params1("SELECT uses FROM coupons WHERE code = $1", code)[0]
          .as<int>();
  if (uses <= 0)
    return false;
  w.exec_params("UPDATE coupons SET uses = uses - 1 WHERE code = $1", key);
  return true;
}
// CHECK-NOTES: :[[@LINE-7]]:7: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'coupons' is updated here
// CHECK-FIXES: w.exec_params1("SELECT uses FROM coupons WHERE code = $1 FOR UPDATE", code)[0]

// Safe: the read is of the row 'from', the write of the row 'to', two
// different parameters; the row written is not the one read.
void credit_other(pqxx::work &w, const std::string &from,
                  const std::string &to) {
  int points =
      w.exec_params1("SELECT points FROM loyalty WHERE member = $1 FOR UPDATE",
                     from)[0]
          .as<int>();
  if (points > 100)
    w.exec_params("UPDATE loyalty SET points = points + 1 WHERE member = $1",
                  to);
}

