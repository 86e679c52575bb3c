// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/libpq
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t.real -- -- -isystem /usr/include/postgresql

#include <libpq-fe.h>
#include <cstdlib>

// FOR UPDATE in autocommit: the lock ends with the SELECT, before the
// check. The fix-it opens a transaction on the connection before the read
// and commits it on each normal exit.
bool book_seat(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT available_seats FROM events WHERE id = 7 FOR UPDATE");
  const int seats = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  if (seats <= 0)
    return false;
  PQclear(PQexec(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7"));
  // CHECK-NOTES: :[[@LINE-6]]:19: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:11: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}bool book_seat(PGconn *conn) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}  PQclear(PQexec(conn, "BEGIN"));{{$}}
// CHECK-FIXES: {{^}}    { PQclear(PQexec(conn, "COMMIT")); return false; }{{$}}
// CHECK-FIXES: {{^}}  PQclear(PQexec(conn, "COMMIT"));{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// ---- Not flagged ----

// The same in a transaction.
bool book_seat_in_transaction(PGconn *conn) {
  PQclear(PQexec(conn, "BEGIN"));
  PGresult *res = PQexec(conn, "SELECT available_seats FROM events WHERE id = 7 FOR UPDATE");
  const int seats = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  if (seats > 0)
    PQclear(PQexec(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7"));
  PQclear(PQexec(conn, "COMMIT"));
  return seats > 0;
}
