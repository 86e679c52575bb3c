// Literal forms: raw strings, u8, adjacent literals, string user-defined
// literals. Each is the statement's own literal, so the fix goes into it.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <pqxx/pqxx>
#include <string>

using namespace std::string_literals;

void raw(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params(R"(SELECT available_seats FROM events WHERE id = $1)", id);
  if (r[0][0].as<int>() > 0)
    w.exec_params(R"(UPDATE events SET available_seats = available_seats - 1 WHERE id = $1)", id);
}
// CHECK-NOTES: :[[@LINE-4]]:20: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: pqxx::result r = w.exec_params(R"(SELECT available_seats FROM events WHERE id = $1 FOR UPDATE)", id);

void utf8(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params(u8"SELECT balance FROM wallets WHERE id = $1", id);
  w.exec_params(u8"UPDATE wallets SET balance = $1 WHERE id = $2", r[0][0].as<int>() - 5, id);
}
// CHECK-NOTES: :[[@LINE-3]]:20: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-3]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'wallets' is updated here
// CHECK-FIXES: pqxx::result r = w.exec_params(u8"SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", id);

void adjacent(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params("SELECT stock "
                                 "FROM products "
                                 "WHERE id = $1", id);
  if (r[0][0].as<int>() < 10)
    w.exec_params("UPDATE products SET stock = stock + 100 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-6]]:20: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'products' is updated here
// CHECK-FIXES: "WHERE id = $1 FOR UPDATE", id);

void user_defined(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params("SELECT used FROM coupons WHERE id = $1"s, id);
  if (!r[0][0].as<bool>())
    w.exec_params("UPDATE coupons SET used = true WHERE id = $1"s, id);
}
// CHECK-NOTES: :[[@LINE-4]]:20: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'coupons' is updated here
// CHECK-FIXES: pqxx::result r = w.exec_params("SELECT used FROM coupons WHERE id = $1 FOR UPDATE"s, id);

// A raw string over several lines: the clause goes after the last word.
void multiline(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params(R"sql(
      SELECT free_places
      FROM courses
      WHERE id = $1
  )sql", id);
  if (r[0][0].as<int>() == 0)
    w.exec_params("UPDATE courses SET open = false WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-8]]:20: warning: 'courses' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'courses' is updated here
// CHECK-FIXES: WHERE id = $1 FOR UPDATE

// The same forms on unrelated tables: silent.
void unrelated(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params(R"(SELECT available_seats FROM events WHERE id = $1)", id);
  if (r[0][0].as<int>() > 0)
    w.exec_params(u8"INSERT INTO audit_log(event_id) VALUES ($1)", id);
}
