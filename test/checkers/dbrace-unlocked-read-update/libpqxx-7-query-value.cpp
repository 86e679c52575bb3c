// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// No %t.real line: query_value is libpqxx 7's, and Debian bookworm ships
// libpqxx 6.4, which has no such call (the corpus uses exec_params1 there).

// libpqxx 7's query_value runs a one-row, one-column read and converts the
// value; the converted value decides the write like any other read's.

#include <pqxx/pqxx>
#include <string>

bool redeem_limited(pqxx::work &w, const std::string &code) {
  const int left = w.query_value<int>("SELECT uses_left FROM coupons WHERE code = $1", code);
  if (left == 0)
    return false;
  w.exec_params("UPDATE coupons SET uses_left = uses_left - 1 WHERE code = $1", code);
  return true;
}
// CHECK-NOTES: :[[@LINE-6]]:20: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'coupons' is updated here
// CHECK-FIXES: const int left = w.query_value<int>("SELECT uses_left FROM coupons WHERE code = $1 FOR UPDATE", code);

bool in_stock(pqxx::work &w, int product_id, int qty) {
  if (w.query_value<int>("SELECT stock FROM products WHERE id = $1", product_id) < qty)
    return false;
  w.exec_params("UPDATE products SET stock = stock - $1 WHERE id = $2", qty, product_id);
  return true;
}
// CHECK-NOTES: :[[@LINE-5]]:7: warning: 'products' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'products' is updated here
// CHECK-FIXES: if (w.query_value<int>("SELECT stock FROM products WHERE id = $1 FOR UPDATE", product_id) < qty)

// Locked: the same read with FOR UPDATE is not reported.
bool redeem_locked(pqxx::work &w, const std::string &code) {
  const int left = w.query_value<int>("SELECT uses_left FROM coupons WHERE code = $1 FOR UPDATE", code);
  if (left == 0)
    return false;
  w.exec_params("UPDATE coupons SET uses_left = uses_left - 1 WHERE code = $1", code);
  return true;
}
