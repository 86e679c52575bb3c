// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/mysqlclient
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -isystem /usr/include/mariadb

// SQL for the C API is usually built in a std::string or a stream, with the
// row's key written last. No literal ends the SELECT, so the lock clause is
// written after the code that writes the key: ` + " FOR UPDATE"` after a
// concatenation, ` << " FOR UPDATE"` after a stream's last insertion. The
// variables the text passes through are read by nothing else afterwards,
// so the clause reaches this statement alone.

#include <mysql.h>
#include <cstdlib>
#include <sstream>
#include <string>

static long fetch_long(MYSQL *conn) {
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const long value = row ? std::atol(row[0]) : 0;
  mysql_free_result(res);
  return value;
}

// A local std::string initialised by the concatenation; its length is the
// query's second argument, which sees the longer text too.
bool take_seat(MYSQL *conn, int event_id) {
  mysql_query(conn, "START TRANSACTION");
  std::string query = "SELECT available_seats FROM events WHERE id = " + std::to_string(event_id);
  mysql_real_query(conn, query.c_str(), query.size());
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const int seats = row ? std::atoi(row[0]) : 0;
  mysql_free_result(res);
  if (seats > 0) {
    std::string update = "UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id);
    mysql_real_query(conn, update.c_str(), update.size());
  }
  mysql_commit(conn);
  return seats > 0;
}
// CHECK-NOTES: :[[@LINE-12]]:3: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-8]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-17]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  std::string query = "SELECT available_seats FROM events WHERE id = " + std::to_string(event_id) + " FOR UPDATE";{{$}}

// A stream, its text taken into a std::string on the way to the call.
void pay(MYSQL *conn, int wallet_id, long amount) {
  mysql_query(conn, "START TRANSACTION");
  std::ostringstream select;
  select << "SELECT balance FROM wallets WHERE id = " << wallet_id;
  const std::string text = select.str();
  mysql_query(conn, text.c_str());
  const long balance = fetch_long(conn);
  if (balance >= amount) {
    std::ostringstream update;
    update << "UPDATE wallets SET balance = balance - " << amount << " WHERE id = " << wallet_id;
    mysql_query(conn, update.str().c_str());
  }
  mysql_commit(conn);
}
// CHECK-NOTES: :[[@LINE-9]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-8]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'wallets' is updated here
// CHECK-NOTES: :[[@LINE-16]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  select << "SELECT balance FROM wallets WHERE id = " << wallet_id << " FOR UPDATE";{{$}}

// `+=` of a std::string: the clause goes on the value appended.
void restock(MYSQL *conn, int product_id) {
  mysql_query(conn, "START TRANSACTION");
  std::string query = "SELECT stock FROM products WHERE id = ";
  query += std::to_string(product_id);
  mysql_query(conn, query.c_str());
  if (fetch_long(conn) < 5)
    mysql_query(conn, ("UPDATE products SET stock = stock + 10 WHERE id = " + std::to_string(product_id)).c_str());
  mysql_commit(conn);
}
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'products' is updated here
// CHECK-NOTES: :[[@LINE-11]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  query += std::to_string(product_id) + " FOR UPDATE";{{$}}

// No fix-it: the same text is run again afterwards (here to log the
// attempt), and that statement must not gain the lock.
void redeem(MYSQL *conn, int coupon_id) {
  mysql_query(conn, "START TRANSACTION");
  const std::string query = "SELECT uses_left FROM coupons WHERE id = " + std::to_string(coupon_id);
  mysql_query(conn, query.c_str());
  const long left = fetch_long(conn);
  mysql_query(conn, ("INSERT INTO audit_log(entry) VALUES ('" + query + "')").c_str());
  if (left > 0)
    mysql_query(conn, ("UPDATE coupons SET uses_left = uses_left - 1 WHERE id = " + std::to_string(coupon_id)).c_str());
  mysql_commit(conn);
}
// CHECK-NOTES: :[[@LINE-7]]:3: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'coupons' is updated here
// CHECK-NOTES: :[[@LINE-12]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  const std::string query = "SELECT uses_left FROM coupons WHERE id = " + std::to_string(coupon_id);{{$}}
