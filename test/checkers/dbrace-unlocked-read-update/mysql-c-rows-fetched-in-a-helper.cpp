// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/mysqlclient
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -isystem /usr/include/mariadb

// With the MySQL C API the rows of a statement stay on the connection until
// mysql_store_result picks them up, so code often runs the SELECT itself and
// leaves the fetching to a small helper. The helper's value (or what it
// stores through a pointer) is then the read's value in the caller.

#include <mysql.h>
#include <cstdlib>

static long first_long(MYSQL *conn) {
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : nullptr;
  const long value = row ? std::atol(row[0]) : 0;
  mysql_free_result(res);
  return value;
}

static bool fetch_into(MYSQL *conn, long *out) {
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : nullptr;
  if (row)
    *out = std::atol(row[0]);
  mysql_free_result(res);
  return row != nullptr;
}

// A helper of the helper: the rows still come from the caller's SELECT.
static bool positive(MYSQL *conn) { return first_long(conn) > 0; }

void withdraw(MYSQL *conn, long amount) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT balance FROM wallets WHERE id = 7");
  if (first_long(conn) >= amount)
    mysql_query(conn, "UPDATE wallets SET balance = balance - 10 WHERE id = 7");
  mysql_commit(conn);
}
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'wallets' is updated here
// CHECK-NOTES: :[[@LINE-9]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  mysql_query(conn, "SELECT balance FROM wallets WHERE id = 7 FOR UPDATE");{{$}}

void restock(MYSQL *conn) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT stock FROM products WHERE id = 3");
  long stock = 0;
  if (fetch_into(conn, &stock) && stock < 5)
    mysql_query(conn, "UPDATE products SET stock = 20 WHERE id = 3");
  mysql_commit(conn);
}
// CHECK-NOTES: :[[@LINE-6]]:3: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'products' is updated here
// CHECK-NOTES: :[[@LINE-10]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  mysql_query(conn, "SELECT stock FROM products WHERE id = 3 FOR UPDATE");{{$}}

void redeem(MYSQL *conn) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT uses_left FROM coupons WHERE code = 'SPRING'");
  if (positive(conn))
    mysql_query(conn, "UPDATE coupons SET uses_left = uses_left - 1 WHERE code = 'SPRING'");
  mysql_commit(conn);
}
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'coupons' is updated here
// CHECK-NOTES: :[[@LINE-9]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  mysql_query(conn, "SELECT uses_left FROM coupons WHERE code = 'SPRING' FOR UPDATE");{{$}}

// Not flagged: locked, and the value fetched by the helper decides nothing
// written.
void withdraw_locked(MYSQL *conn, long amount) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT balance FROM wallets WHERE id = 7 FOR UPDATE");
  if (first_long(conn) >= amount)
    mysql_query(conn, "UPDATE wallets SET balance = balance - 10 WHERE id = 7");
  mysql_commit(conn);
}

long audit(MYSQL *conn) {
  mysql_query(conn, "SELECT count(*) FROM wallets");
  const long n = first_long(conn);
  mysql_query(conn, "UPDATE stats SET last_audit = now() WHERE id = 1");
  return n;
}
