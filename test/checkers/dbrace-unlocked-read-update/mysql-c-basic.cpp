// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/mysqlclient
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -isystem /usr/include/mariadb

// The MySQL/MariaDB C API: mysql_query leaves the rows on the connection,
// mysql_store_result hands them over as a MYSQL_RES*, rows are fetched from
// it. InnoDB's REPEATABLE READ reads a snapshot: a transaction alone does
// not protect a read-then-write, FOR UPDATE does.

#include <mysql.h>
#include <cstdlib>
#include <string>

// Autocommit (the default), the key concatenated into the text: the fix-it
// opens a transaction and appends the lock clause to the concatenation that
// .c_str() reads.
bool book_ticket(MYSQL *conn, int event_id) {
  const std::string id = std::to_string(event_id);
  if (mysql_query(conn, ("SELECT available_seats FROM events WHERE id = " + id).c_str()) != 0)
    return false;
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const int seats = row ? std::atoi(row[0]) : 0;
  mysql_free_result(res);
  if (seats <= 0)
    return false;
  mysql_query(conn, ("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + id).c_str());
  // CHECK-NOTES: :[[@LINE-9]]:7: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  if (mysql_query(conn, ("SELECT available_seats FROM events WHERE id = " + id + " FOR UPDATE").c_str()) != 0){{$}}

// START TRANSACTION under REPEATABLE READ: both requests read the same
// snapshot balance. The fix-it locks the read.
void pay(MYSQL *conn, int amount) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT balance FROM wallets WHERE id = 12");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const long balance = std::atol(row[0]);
  mysql_free_result(res);
  const std::string update = "UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = 12";
  mysql_real_query(conn, update.c_str(), update.size());
  // CHECK-NOTES: :[[@LINE-7]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:3: note: the transaction begins here
  mysql_commit(conn);
}
// CHECK-FIXES: {{^}}  mysql_query(conn, "SELECT balance FROM wallets WHERE id = 12 FOR UPDATE");{{$}}

// Autocommit off is a transaction too, and no lock either.
void restock(MYSQL *conn) {
  mysql_autocommit(conn, 0);
  mysql_query(conn, "SELECT stock FROM products WHERE id = 3");
  MYSQL_RES *res = mysql_use_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const bool low = row && std::atoi(row[0]) < 5;
  mysql_free_result(res);
  if (low)
    mysql_query(conn, "UPDATE products SET stock = stock + 100 WHERE id = 3");
    // CHECK-NOTES: :[[@LINE-7]]:3: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: the value read is checked here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: 'products' is updated here
    // CHECK-NOTES: :[[@LINE-11]]:3: note: the transaction begins here
  mysql_commit(conn);
  mysql_autocommit(conn, 1);
}
// CHECK-FIXES: {{^}}  mysql_query(conn, "SELECT stock FROM products WHERE id = 3 FOR UPDATE");{{$}}

// The conditional UPDATE with its row count ignored: the status code of
// mysql_query says only that the statement ran. The write is in the return
// statement, where no commit can follow it: a note says what to write.
bool book_unchecked(MYSQL *conn) {
  mysql_query(conn, "SELECT available_seats FROM events WHERE id = 7");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const bool none = !row || std::atoi(row[0]) <= 0;
  mysql_free_result(res);
  if (none)
    return false;
  return mysql_query(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7 AND available_seats > 0") == 0;
  // CHECK-NOTES: :[[@LINE-8]]:3: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:10: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:3: note: to run the read and the write in one transaction, write 'mysql_query(conn, "START TRANSACTION");' before the read and 'mysql_commit(conn);' on each normal exit after the write
}

// Autocommit with literal SQL: the fix-it locks the read and starts a
// transaction on the connection, committed on each normal exit.
bool book_literal(MYSQL *conn) {
  if (mysql_query(conn, "SELECT available_seats FROM events WHERE id = 7") != 0)
    return false;
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const int seats = row ? std::atoi(row[0]) : 0;
  mysql_free_result(res);
  if (seats <= 0)
    return false;
  mysql_query(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");
  // CHECK-NOTES: :[[@LINE-9]]:7: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}bool book_literal(MYSQL *conn) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}  mysql_query(conn, "START TRANSACTION");{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (mysql_query(conn, "SELECT available_seats FROM events WHERE id = 7 FOR UPDATE") != 0){{$}}
// CHECK-FIXES-NEXT: {{^}}    { mysql_commit(conn); return false; }{{$}}
// CHECK-FIXES: {{^}}    { mysql_commit(conn); return false; }{{$}}
// CHECK-FIXES-NEXT: {{^}}  mysql_query(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");{{$}}
// CHECK-FIXES: {{^}}  mysql_commit(conn);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// ---- Not flagged ----

// FOR UPDATE in a transaction.
bool pay_locked(MYSQL *conn, int amount) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT balance FROM wallets WHERE id = 12 FOR UPDATE");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const long balance = row ? std::atol(row[0]) : 0;
  mysql_free_result(res);
  if (balance < amount) {
    mysql_rollback(conn);
    return false;
  }
  mysql_query(conn, "UPDATE wallets SET balance = balance - 5 WHERE id = 12");
  mysql_commit(conn);
  return true;
}

// The atomic conditional update, its row count checked.
bool book_atomic(MYSQL *conn) {
  if (mysql_query(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7 AND available_seats > 0") != 0)
    return false;
  return mysql_affected_rows(conn) == 1;
}

// A read guarding the same conditional update: the write checks itself.
bool book_checked_twice(MYSQL *conn) {
  mysql_query(conn, "SELECT available_seats FROM events WHERE id = 7");
  MYSQL_RES *res = mysql_store_result(conn);
  const bool none = mysql_num_rows(res) == 0;
  mysql_free_result(res);
  if (none)
    return false;
  mysql_query(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7 AND available_seats > 0");
  return mysql_affected_rows(conn) == 1;
}

// A read of one table guarding a write of an unrelated one.
void log_if_sold_out(MYSQL *conn) {
  mysql_query(conn, "SELECT available_seats FROM events WHERE id = 7");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  if (row && std::atoi(row[0]) == 0)
    mysql_query(conn, "UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1");
  mysql_free_result(res);
}
