// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/libpq
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real -- -- -isystem /usr/include/postgresql

#include <libpq-fe.h>
#include <cstdlib>

// The check runs in autocommit, before the transaction that writes begins.
bool book_seat(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT available_seats FROM events WHERE id = 7");
  const int seats = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  if (seats <= 0)
    return false;
  PQclear(PQexec(conn, "BEGIN"));
  PQclear(PQexec(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7"));
  // CHECK-NOTES: :[[@LINE-7]]:19: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  // CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:11: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-5]]:11: note: the transaction begins here
  PQclear(PQexec(conn, "COMMIT"));
  return true;
}

// ---- Not flagged ----

// The read moved into the transaction and locked.
bool book_seat_fixed(PGconn *conn) {
  PQclear(PQexec(conn, "BEGIN"));
  PGresult *res = PQexec(conn, "SELECT available_seats FROM events WHERE id = 7 FOR UPDATE");
  const int seats = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  if (seats <= 0) {
    PQclear(PQexec(conn, "ROLLBACK"));
    return false;
  }
  PQclear(PQexec(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7"));
  PQclear(PQexec(conn, "COMMIT"));
  return true;
}
