// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/mysqlclient
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t.real -- -- -isystem /usr/include/mariadb

#include <mysql.h>
#include <cstdlib>

// FOR UPDATE with the connection in autocommit (its default): the lock ends
// with the SELECT. The fix-it starts a transaction before the read and
// commits it on each normal exit.
bool book_seat(MYSQL *conn) {
  mysql_query(conn, "SELECT available_seats FROM events WHERE id = 7 FOR UPDATE");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const int seats = row ? std::atoi(row[0]) : 0;
  mysql_free_result(res);
  if (seats <= 0)
    return false;
  mysql_query(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");
  // CHECK-NOTES: :[[@LINE-8]]:3: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}bool book_seat(MYSQL *conn) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}  mysql_query(conn, "START TRANSACTION");{{$}}
// CHECK-FIXES: {{^}}    { mysql_commit(conn); return false; }{{$}}
// CHECK-FIXES: {{^}}  mysql_commit(conn);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// ---- Not flagged ----

// After mysql_autocommit(conn, 0), committed at the end.
void book_seat_autocommit_off(MYSQL *conn) {
  mysql_autocommit(conn, 0);
  mysql_query(conn, "SELECT available_seats FROM events WHERE id = 7 FOR UPDATE");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  if (row && std::atoi(row[0]) > 0)
    mysql_query(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");
  mysql_free_result(res);
  mysql_commit(conn);
  mysql_autocommit(conn, 1);
}
