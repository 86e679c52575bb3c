// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- -- -isystem %inputs/libpq -isystem %inputs/slow
// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t.real -- -- -isystem /usr/include/postgresql -isystem %inputs/slow

#include <curl/curl.h>
#include <libpq-fe.h>

// A transaction is often ended by one call that picks COMMIT or ROLLBACK:
// either way it ends there, and the call after it holds no lock.
void charge_then_call(PGconn *conn, CURL *http, bool ok) {
  PQclear(PQexec(conn, "BEGIN"));
  PQclear(PQexec(conn, "UPDATE wallets SET balance = balance - 1 WHERE id = 1"));
  PQclear(PQexec(conn, ok ? "COMMIT" : "ROLLBACK"));
  curl_easy_perform(http);
}

void charge_then_call_const(PGconn *conn, CURL *http, bool ok) {
  static const char *const kCommit = "COMMIT";
  PQclear(PQexec(conn, "BEGIN"));
  PQclear(PQexec(conn, "UPDATE wallets SET balance = balance - 1 WHERE id = 1"));
  PQclear(PQexec(conn, (ok ? kCommit : "ROLLBACK")));
  curl_easy_perform(http);
}

// ---- Flagged ----

// A choice between two statements that are not both ends ends nothing.
void charge_or_not(PGconn *conn, CURL *http, bool ok) {
  PQclear(PQexec(conn, "BEGIN"));
  PQclear(PQexec(conn, "UPDATE wallets SET balance = balance - 1 WHERE id = 1"));
  PQclear(PQexec(conn, ok ? "COMMIT" : "SELECT 1"));
  curl_easy_perform(http);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'curl_easy_perform' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-4]]:11: note: the lock is taken here
  PQclear(PQexec(conn, "COMMIT"));
}
