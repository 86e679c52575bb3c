// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/libpq
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -isystem /usr/include/postgresql

// libpq: statements run on the PGconn, rows are read from the PGresult*
// handle each call returns. Transactions are SQL text run with PQexec.

#include <libpq-fe.h>
#include <cstdlib>
#include <string>

// The README's booking in autocommit: each statement commits on its own.
// The fix-it locks the read and opens a transaction on the connection
// around the read and the write.
int book_ticket(PGconn *conn, const char *event_id) {
  const char *params[1] = {event_id};
  PGresult *res = PQexecParams(conn, "SELECT available_seats FROM events WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0);
  if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
    PQclear(res);
    return -1;
  }
  const int seats = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  if (seats <= 0)
    return 0;
  PGresult *upd = PQexecParams(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0);
  // CHECK-NOTES: :[[@LINE-10]]:19: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:19: note: 'events' is updated here
  const bool ok = PQresultStatus(upd) == PGRES_COMMAND_OK;
  PQclear(upd);
  return ok ? 1 : -1;
}
// CHECK-FIXES: {{^}}  const char *params[1] = {event_id};{{$}}
// CHECK-FIXES-NEXT: {{^}}  PQclear(PQexec(conn, "BEGIN"));{{$}}
// CHECK-FIXES-NEXT: {{^}}  PGresult *res = PQexecParams(conn, "SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", 1, nullptr, params, nullptr, nullptr, 0);{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    PQclear(res);{{$}}
// CHECK-FIXES-NEXT: {{^}}    PQclear(PQexec(conn, "COMMIT"));{{$}}
// CHECK-FIXES-NEXT: {{^}}    return -1;{{$}}
// CHECK-FIXES: {{^}}    { PQclear(PQexec(conn, "COMMIT")); return 0; }{{$}}
// CHECK-FIXES: {{^}}  PQclear(upd);{{$}}
// CHECK-FIXES-NEXT: {{^}}  PQclear(PQexec(conn, "COMMIT"));{{$}}
// CHECK-FIXES-NEXT: {{^}}  return ok ? 1 : -1;{{$}}

// A lost update inside a transaction: BEGIN alone does not stop a second
// request from reading the same balance. The fix-it locks the read.
bool pay(PGconn *conn, int amount) {
  PQclear(PQexec(conn, "BEGIN"));
  PGresult *res = PQexec(conn, "SELECT balance FROM wallets WHERE id = 12");
  const int balance = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  std::string update = "UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = 12";
  PQclear(PQexec(conn, update.c_str()));
  // CHECK-NOTES: :[[@LINE-5]]:19: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-3]]:11: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-9]]:11: note: the transaction begins here
  PQclear(PQexec(conn, "COMMIT"));
  return true;
}
// CHECK-FIXES: {{^}}  PGresult *res = PQexec(conn, "SELECT balance FROM wallets WHERE id = 12 FOR UPDATE");{{$}}

// A statement prepared under a name and run by it, in a transaction.
void restock(PGconn *conn, const char *product) {
  PQclear(PQprepare(conn, "stock_of", "SELECT stock FROM products WHERE id = $1", 1, nullptr));
  PQclear(PQexec(conn, "BEGIN"));
  const char *params[1] = {product};
  PGresult *res = PQexecPrepared(conn, "stock_of", 1, params, nullptr, nullptr, 0);
  const bool low = PQntuples(res) == 1 && std::atoi(PQgetvalue(res, 0, 0)) < 5;
  PQclear(res);
  if (low)
    PQclear(PQexecParams(conn, "UPDATE products SET stock = stock + 100 WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0));
    // CHECK-NOTES: :[[@LINE-5]]:19: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: the value read is checked here
    // CHECK-NOTES: :[[@LINE-3]]:13: note: 'products' is updated here
    // CHECK-NOTES: :[[@LINE-10]]:11: note: the transaction begins here
  PQclear(PQexec(conn, "COMMIT"));
}
// The lock goes into the prepared statement's text.
// CHECK-FIXES: {{^}}  PQclear(PQprepare(conn, "stock_of", "SELECT stock FROM products WHERE id = $1 FOR UPDATE", 1, nullptr));{{$}}

// The conditional UPDATE whose row count nobody looks at: the PGresult*
// is kept only to be freed, so the check above it decides.
bool book_unchecked(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT available_seats FROM events WHERE id = 7");
  const bool none = PQntuples(res) == 0 || std::atoi(PQgetvalue(res, 0, 0)) <= 0;
  PQclear(res);
  if (none)
    return false;
  PGresult *upd = PQexec(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7 AND available_seats > 0");
  // CHECK-NOTES: :[[@LINE-6]]:19: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:19: note: 'events' is updated here
  const bool ok = PQresultStatus(upd) == PGRES_COMMAND_OK;
  PQclear(upd);
  return ok;
}
// CHECK-FIXES: {{^}}bool book_unchecked(PGconn *conn) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}  PQclear(PQexec(conn, "BEGIN"));{{$}}
// CHECK-FIXES-NEXT: {{^}}  PGresult *res = PQexec(conn, "SELECT available_seats FROM events WHERE id = 7 FOR UPDATE");{{$}}
// CHECK-FIXES: {{^}}    { PQclear(PQexec(conn, "COMMIT")); return false; }{{$}}
// CHECK-FIXES: {{^}}  PQclear(upd);{{$}}
// CHECK-FIXES-NEXT: {{^}}  PQclear(PQexec(conn, "COMMIT"));{{$}}
// CHECK-FIXES-NEXT: {{^}}  return ok;{{$}}

// ---- Not flagged ----

// FOR UPDATE in the transaction: a second request waits at the read.
bool pay_locked(PGconn *conn, int amount) {
  PQclear(PQexec(conn, "BEGIN"));
  PGresult *res = PQexec(conn, "SELECT balance FROM wallets WHERE id = 12 FOR UPDATE");
  const int balance = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  if (balance < amount) {
    PQclear(PQexec(conn, "ROLLBACK"));
    return false;
  }
  std::string update = "UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = 12";
  PQclear(PQexec(conn, update.c_str()));
  PQclear(PQexec(conn, "COMMIT"));
  return true;
}

// SERIALIZABLE: the database aborts one of two conflicting transactions.
bool pay_serializable(PGconn *conn, int amount) {
  PQclear(PQexec(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE"));
  PGresult *res = PQexec(conn, "SELECT balance FROM wallets WHERE id = 12");
  const int balance = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  if (balance >= amount)
    PQclear(PQexec(conn, "UPDATE wallets SET balance = balance - 5 WHERE id = 12"));
  PGresult *done = PQexec(conn, "COMMIT");
  const bool ok = PQresultStatus(done) == PGRES_COMMAND_OK;
  PQclear(done);
  return ok;
}

// The atomic conditional update, its row count checked with PQcmdTuples.
bool book_atomic(PGconn *conn, const char *event_id) {
  const char *params[1] = {event_id};
  PGresult *upd = PQexecParams(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = $1 AND available_seats > 0", 1, nullptr, params, nullptr, nullptr, 0);
  const bool booked = std::atoi(PQcmdTuples(upd)) == 1;
  PQclear(upd);
  return booked;
}

// A read guarding the same conditional update: the write checks itself.
bool book_checked_twice(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT available_seats FROM events WHERE id = 7");
  const bool none = PQntuples(res) == 0 || std::atoi(PQgetvalue(res, 0, 0)) <= 0;
  PQclear(res);
  if (none)
    return false;
  PGresult *upd = PQexec(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7 AND available_seats > 0");
  const bool booked = std::string(PQcmdTuples(upd)) == "1";
  PQclear(upd);
  return booked;
}

// A read of one table guarding a write of an unrelated one.
void log_if_sold_out(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT available_seats FROM events WHERE id = 7");
  if (PQntuples(res) == 1 && std::atoi(PQgetvalue(res, 0, 0)) == 0)
    PQclear(PQexec(conn, "UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1"));
  PQclear(res);
}
