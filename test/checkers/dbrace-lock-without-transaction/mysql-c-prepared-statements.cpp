// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/mysqlclient
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t.real -- -- -isystem /usr/include/mariadb

#include <mysql.h>
#include <cstring>

// The prepared statements run through their handles alone; the connection
// is named where each handle was made, mysql_stmt_init(conn). The fix-it
// finds it there and starts the transaction on it.
int book_seat(MYSQL *conn, int event_id) {
  MYSQL_BIND key[1];
  std::memset(key, 0, sizeof key);
  key[0].buffer_type = MYSQL_TYPE_LONG;
  key[0].buffer = &event_id;
  MYSQL_STMT *sel = mysql_stmt_init(conn);
  const char *select = "SELECT available_seats FROM events WHERE id = ? FOR UPDATE";
  mysql_stmt_prepare(sel, select, std::strlen(select));
  mysql_stmt_bind_param(sel, key);
  mysql_stmt_execute(sel);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  int seats = 0;
  MYSQL_BIND out[1];
  std::memset(out, 0, sizeof out);
  out[0].buffer_type = MYSQL_TYPE_LONG;
  out[0].buffer = &seats;
  mysql_stmt_bind_result(sel, out);
  mysql_stmt_fetch(sel);
  mysql_stmt_close(sel);
  if (seats <= 0)
    return 0;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  MYSQL_STMT *upd = mysql_stmt_init(conn);
  const char *update = "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?";
  mysql_stmt_prepare(upd, update, std::strlen(update));
  mysql_stmt_bind_param(upd, key);
  mysql_stmt_execute(upd);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  mysql_stmt_close(upd);
  return 1;
}
// CHECK-FIXES: {{^}}  mysql_stmt_bind_param(sel, key);{{$}}
// CHECK-FIXES-NEXT: {{^}}  mysql_query(conn, "START TRANSACTION");{{$}}
// CHECK-FIXES-NEXT: {{^}}  mysql_stmt_execute(sel);{{$}}
// CHECK-FIXES: {{^}}  if (seats <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}    { mysql_commit(conn); return 0; }{{$}}
// CHECK-FIXES: {{^}}  mysql_stmt_close(upd);{{$}}
// CHECK-FIXES-NEXT: {{^}}  mysql_commit(conn);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return 1;{{$}}

// The read's handle made on one connection, the write's on another: no
// one transaction holds both, so the note says what to write.
int book_seat_on(MYSQL *primary, MYSQL *replica, int event_id) {
  MYSQL_BIND key[1];
  std::memset(key, 0, sizeof key);
  key[0].buffer_type = MYSQL_TYPE_LONG;
  key[0].buffer = &event_id;
  MYSQL_STMT *sel = mysql_stmt_init(replica);
  const char *select = "SELECT available_seats FROM events WHERE id = ? FOR UPDATE";
  mysql_stmt_prepare(sel, select, std::strlen(select));
  mysql_stmt_bind_param(sel, key);
  mysql_stmt_execute(sel);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  int seats = 0;
  MYSQL_BIND out[1];
  std::memset(out, 0, sizeof out);
  out[0].buffer_type = MYSQL_TYPE_LONG;
  out[0].buffer = &seats;
  mysql_stmt_bind_result(sel, out);
  mysql_stmt_fetch(sel);
  mysql_stmt_close(sel);
  if (seats <= 0)
    return 0;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  MYSQL_STMT *upd = mysql_stmt_init(primary);
  const char *update = "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?";
  mysql_stmt_prepare(upd, update, std::strlen(update));
  mysql_stmt_bind_param(upd, key);
  mysql_stmt_execute(upd);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-19]]:3: note: to run the read and the write in one transaction, write 'mysql_query(..., "START TRANSACTION");' before the read and 'mysql_commit(...);' on each normal exit after the write
  mysql_stmt_close(upd);
  return 1;
}
