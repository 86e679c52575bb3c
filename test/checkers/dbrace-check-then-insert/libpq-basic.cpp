// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/libpq
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real -- -- -isystem /usr/include/postgresql

#include <libpq-fe.h>
#include <cstdlib>

// "No booking yet, so insert one", in a transaction: two requests both find
// no row and both insert. No row lock covers a row that does not exist yet.
bool book_once(PGconn *conn, const char *user_id, const char *event_id) {
  PQclear(PQexec(conn, "BEGIN"));
  const char *params[2] = {user_id, event_id};
  PGresult *res = PQexecParams(conn, "SELECT 1 FROM bookings WHERE user_id = $1 AND event_id = $2", 2, nullptr, params, nullptr, nullptr, 0);
  const bool exists = PQntuples(res) > 0;
  PQclear(res);
  if (!exists)
    PQclear(PQexecParams(conn, "INSERT INTO bookings(user_id, event_id) VALUES ($1, $2)", 2, nullptr, params, nullptr, nullptr, 0));
    // CHECK-NOTES: :[[@LINE-5]]:19: warning: check of 'bookings' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: the value read is checked here
    // CHECK-NOTES: :[[@LINE-3]]:13: note: 'bookings' is inserted into here
    // CHECK-NOTES: :[[@LINE-10]]:11: note: the transaction begins here
    // CHECK-NOTES: :[[@LINE-5]]:13: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
  PQclear(PQexec(conn, "COMMIT"));
  return !exists;
}

// A count below a limit, in autocommit.
void join_waitlist(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT count(*) FROM waitlist WHERE event_id = 7");
  const int waiting = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  if (waiting < 100)
    PQclear(PQexec(conn, "INSERT INTO waitlist(event_id, user_id) VALUES (7, 42)"));
    // CHECK-NOTES: :[[@LINE-5]]:19: warning: check of 'waitlist' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: the value read is checked here
    // CHECK-NOTES: :[[@LINE-3]]:13: note: 'waitlist' is inserted into here
    // CHECK-NOTES: :[[@LINE-4]]:13: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
}

// ---- Not flagged ----

// The unique constraint decides: ON CONFLICT DO NOTHING, its row count
// checked.
bool book_once_unique(PGconn *conn) {
  PGresult *res = PQexec(conn, "INSERT INTO bookings(user_id, event_id) VALUES (1, 2) ON CONFLICT DO NOTHING");
  const bool inserted = std::atoi(PQcmdTuples(res)) == 1;
  PQclear(res);
  return inserted;
}

// An insert computed from a read, not decided by it.
void copy_price(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT price FROM products WHERE id = 1");
  const char *params[1] = {PQgetvalue(res, 0, 0)};
  PQclear(PQexecParams(conn, "INSERT INTO price_history(product_id, price) VALUES (1, $1)", 1, nullptr, params, nullptr, nullptr, 0));
  PQclear(res);
}
