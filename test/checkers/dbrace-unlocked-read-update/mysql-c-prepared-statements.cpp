// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/mysqlclient
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -isystem /usr/include/mariadb

// Prepared statements of the MySQL/MariaDB C API: the values go in and come
// out through MYSQL_BIND arrays whose buffers point at C++ variables.

#include <mysql.h>
#include <cstring>

// A lost update: the balance fetched into `balance` is written back less
// the amount, in autocommit. The text is a variable that strlen reads too,
// in the same call: the lock clause changes the text and its length
// together. The transaction starts on the connection the handle was made
// from.
void pay(MYSQL *conn, int wallet, long amount) {
  MYSQL_STMT *sel = mysql_stmt_init(conn);
  const char *query = "SELECT balance FROM wallets WHERE id = ?";
  mysql_stmt_prepare(sel, query, std::strlen(query));
  MYSQL_BIND key[1];
  std::memset(key, 0, sizeof key);
  key[0].buffer_type = MYSQL_TYPE_LONG;
  key[0].buffer = &wallet;
  mysql_stmt_bind_param(sel, key);
  mysql_stmt_execute(sel);
  long balance = 0;
  MYSQL_BIND out[1];
  std::memset(out, 0, sizeof out);
  out[0].buffer_type = MYSQL_TYPE_LONGLONG;
  out[0].buffer = &balance;
  mysql_stmt_bind_result(sel, out);
  mysql_stmt_fetch(sel);
  mysql_stmt_close(sel);

  MYSQL_STMT *upd = mysql_stmt_init(conn);
  const char *update = "UPDATE wallets SET balance = ? WHERE id = ?";
  mysql_stmt_prepare(upd, update, std::strlen(update));
  long left = balance - amount;
  MYSQL_BIND values[2];
  std::memset(values, 0, sizeof values);
  values[0].buffer_type = MYSQL_TYPE_LONGLONG;
  values[0].buffer = &left;
  values[1].buffer_type = MYSQL_TYPE_LONG;
  values[1].buffer = &wallet;
  mysql_stmt_bind_param(upd, values);
  mysql_stmt_execute(upd);
  // CHECK-NOTES: :[[@LINE-22]]:3: warning: 'wallets' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'wallets' is updated here
  mysql_stmt_close(upd);
}
// CHECK-FIXES: {{^}}  const char *query = "SELECT balance FROM wallets WHERE id = ? FOR UPDATE";{{$}}
// CHECK-FIXES: {{^}}  mysql_stmt_bind_param(sel, key);{{$}}
// CHECK-FIXES-NEXT: {{^}}  mysql_query(conn, "START TRANSACTION");{{$}}
// CHECK-FIXES-NEXT: {{^}}  mysql_stmt_execute(sel);{{$}}
// CHECK-FIXES: {{^}}  mysql_stmt_close(upd);{{$}}
// CHECK-FIXES-NEXT: {{^}}  mysql_commit(conn);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// Checked through the fetch's status, in a transaction without a lock.
bool book(MYSQL *conn, int event_id) {
  mysql_query(conn, "START TRANSACTION");
  MYSQL_STMT *sel = mysql_stmt_init(conn);
  const char *select = "SELECT available_seats FROM events WHERE id = ?";
  mysql_stmt_prepare(sel, select, std::strlen(select));
  MYSQL_BIND key[1];
  std::memset(key, 0, sizeof key);
  key[0].buffer_type = MYSQL_TYPE_LONG;
  key[0].buffer = &event_id;
  mysql_stmt_bind_param(sel, key);
  mysql_stmt_execute(sel);
  int seats = 0;
  MYSQL_BIND out[1];
  std::memset(out, 0, sizeof out);
  out[0].buffer_type = MYSQL_TYPE_LONG;
  out[0].buffer = &seats;
  mysql_stmt_bind_result(sel, out);
  const int fetched = mysql_stmt_fetch(sel);
  mysql_stmt_close(sel);
  if (fetched == MYSQL_NO_DATA || seats <= 0) {
    mysql_rollback(conn);
    return false;
  }
  MYSQL_STMT *upd = mysql_stmt_init(conn);
  const char *update = "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?";
  mysql_stmt_prepare(upd, update, std::strlen(update));
  mysql_stmt_bind_param(upd, key);
  mysql_stmt_execute(upd);
  // CHECK-NOTES: :[[@LINE-18]]:3: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-10]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-30]]:3: note: the transaction begins here
  mysql_stmt_close(upd);
  mysql_commit(conn);
  return true;
}
// CHECK-FIXES: {{^}}  const char *select = "SELECT available_seats FROM events WHERE id = ? FOR UPDATE";{{$}}

void log_sql(const char *text);

// The text is logged as well: an edit of it would reach the log, so no
// fix-it edits it, and without the lock no transaction is opened either.
void pay_logged(MYSQL *conn, int wallet, long amount) {
  MYSQL_STMT *sel = mysql_stmt_init(conn);
  const char *query = "SELECT balance FROM wallets WHERE id = ?";
  log_sql(query);
  mysql_stmt_prepare(sel, query, std::strlen(query));
  MYSQL_BIND key[1];
  std::memset(key, 0, sizeof key);
  key[0].buffer_type = MYSQL_TYPE_LONG;
  key[0].buffer = &wallet;
  mysql_stmt_bind_param(sel, key);
  mysql_stmt_execute(sel);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  long balance = 0;
  MYSQL_BIND out[1];
  std::memset(out, 0, sizeof out);
  out[0].buffer_type = MYSQL_TYPE_LONGLONG;
  out[0].buffer = &balance;
  mysql_stmt_bind_result(sel, out);
  mysql_stmt_fetch(sel);
  mysql_stmt_close(sel);
  if (balance < amount)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  MYSQL_STMT *upd = mysql_stmt_init(conn);
  const char *update = "UPDATE wallets SET balance = balance - 1 WHERE id = ?";
  mysql_stmt_prepare(upd, update, std::strlen(update));
  mysql_stmt_bind_param(upd, key);
  mysql_stmt_execute(upd);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated here
  mysql_stmt_close(upd);
}
// CHECK-FIXES: {{^}}void pay_logged(MYSQL *conn, int wallet, long amount) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  MYSQL_STMT *sel = mysql_stmt_init(conn);{{$}}
// CHECK-FIXES-NEXT: {{^}}  const char *query = "SELECT balance FROM wallets WHERE id = ?";{{$}}

// ---- Not flagged ----

// The atomic conditional update, its row count checked.
bool book_atomic(MYSQL *conn, int event_id) {
  MYSQL_STMT *upd = mysql_stmt_init(conn);
  const char *update = "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0";
  mysql_stmt_prepare(upd, update, std::strlen(update));
  MYSQL_BIND key[1];
  std::memset(key, 0, sizeof key);
  key[0].buffer_type = MYSQL_TYPE_LONG;
  key[0].buffer = &event_id;
  mysql_stmt_bind_param(upd, key);
  mysql_stmt_execute(upd);
  const bool booked = mysql_stmt_affected_rows(upd) == 1;
  mysql_stmt_close(upd);
  return booked;
}

// The key bound to the read is also bound to an unrelated write: binding
// it makes no value of the read flow anywhere.
void count_view(MYSQL *conn, int event_id) {
  MYSQL_STMT *sel = mysql_stmt_init(conn);
  const char *select = "SELECT title FROM events WHERE id = ?";
  mysql_stmt_prepare(sel, select, std::strlen(select));
  MYSQL_BIND key[1];
  std::memset(key, 0, sizeof key);
  key[0].buffer_type = MYSQL_TYPE_LONG;
  key[0].buffer = &event_id;
  mysql_stmt_bind_param(sel, key);
  mysql_stmt_execute(sel);
  mysql_stmt_close(sel);
  MYSQL_STMT *upd = mysql_stmt_init(conn);
  const char *update = "UPDATE events SET views = views + 1 WHERE id = ?";
  mysql_stmt_prepare(upd, update, std::strlen(update));
  mysql_stmt_bind_param(upd, key);
  mysql_stmt_execute(upd);
  mysql_stmt_close(upd);
}
