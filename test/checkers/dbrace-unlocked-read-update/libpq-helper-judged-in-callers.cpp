// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/libpq
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -isystem /usr/include/postgresql

#include <libpq-fe.h>
#include <cstdlib>

// A helper that reads, checks and writes on the connection its caller
// passes does not say whether that runs in a transaction: each call does.
// It is judged at each call, in the transaction the caller runs it in.
static bool take_seat(PGconn *conn, const char *event) {
  const char *params[1] = {event};
  PGresult *r = PQexecParams(conn, "SELECT available_seats FROM events WHERE id = $1",
                             1, nullptr, params, nullptr, nullptr, 0);
  // CHECK-FIXES: PGresult *r = PQexecParams(conn, "SELECT available_seats FROM events WHERE id = $1 FOR UPDATE",
  int seats = std::atoi(PQgetvalue(r, 0, 0));
  PQclear(r);
  if (seats <= 0)
    return false;
  PQclear(PQexecParams(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = $1",
                       1, nullptr, params, nullptr, nullptr, 0));
  return true;
}

// ---- Flagged ----

// The transaction alone does not stop a second request from reading the
// same seat count: the lock belongs in the helper's read.
bool book_in_transaction(PGconn *conn, const char *event) {
  PQclear(PQexec(conn, "BEGIN"));
  bool ok = take_seat(conn, event);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  PQclear(PQexec(conn, ok ? "COMMIT" : "ROLLBACK"));
  return ok;
}

// A helper called with no transaction at all: the call is reported, and
// the fix, a transaction around it, is the caller's to write.
static bool take_coupon(PGconn *conn, const char *code) {
  const char *params[1] = {code};
  PGresult *r = PQexecParams(conn, "SELECT uses_left FROM coupons WHERE code = $1",
                             1, nullptr, params, nullptr, nullptr, 0);
  int left = std::atoi(PQgetvalue(r, 0, 0));
  PQclear(r);
  if (left <= 0)
    return false;
  PQclear(PQexecParams(conn, "UPDATE coupons SET uses_left = uses_left - 1 WHERE code = $1",
                       1, nullptr, params, nullptr, nullptr, 0));
  return true;
}

bool redeem(PGconn *conn, const char *code) {
  return take_coupon(conn, code);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'coupons' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
}

// A helper nobody here calls is judged on its own.
bool take_credit(PGconn *conn, const char *user) {
  const char *params[1] = {user};
  PGresult *r = PQexecParams(conn, "SELECT credits FROM accounts WHERE id = $1",
                             1, nullptr, params, nullptr, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'accounts' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  int credits = std::atoi(PQgetvalue(r, 0, 0));
  PQclear(r);
  if (credits <= 0)
    return false;
  PQclear(PQexecParams(conn, "UPDATE accounts SET credits = credits - 1 WHERE id = $1",
                       1, nullptr, params, nullptr, nullptr, 0));
  return true;
}

// ---- Not flagged ----

// SERIALIZABLE fails the second of two such calls.
bool book_serializable(PGconn *conn, const char *event) {
  PQclear(PQexec(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE"));
  bool ok = take_seat(conn, event);
  PQclear(PQexec(conn, ok ? "COMMIT" : "ROLLBACK"));
  return ok;
}

// The caller locked the event's row before the helper reads it.
bool book_locked(PGconn *conn, const char *event) {
  const char *params[1] = {event};
  PQclear(PQexec(conn, "BEGIN"));
  PQclear(PQexecParams(conn, "SELECT id FROM events WHERE id = $1 FOR UPDATE",
                       1, nullptr, params, nullptr, nullptr, 0));
  bool ok = take_seat(conn, event);
  PQclear(PQexec(conn, ok ? "COMMIT" : "ROLLBACK"));
  return ok;
}
