// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- -- -isystem %inputs/libpq -isystem %inputs/slow
// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t.real -- -- -isystem /usr/include/postgresql -isystem %inputs/slow

#include <curl/curl.h>
#include <libpq-fe.h>

// The row lock of the UPDATE is held until COMMIT, and so over the call.
void charge(PGconn *conn, CURL *http) {
  PQclear(PQexec(conn, "BEGIN"));
  PQclear(PQexec(conn, "UPDATE wallets SET balance = balance - 1 WHERE id = 1"));
  curl_easy_perform(http);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'curl_easy_perform' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-3]]:11: note: the lock is taken here
  PQclear(PQexec(conn, "COMMIT"));
}

// ---- Not flagged ----

// The call after the commit.
void charge_then_call(PGconn *conn, CURL *http) {
  PQclear(PQexec(conn, "BEGIN"));
  PQclear(PQexec(conn, "UPDATE wallets SET balance = balance - 1 WHERE id = 1"));
  PQclear(PQexec(conn, "COMMIT"));
  curl_easy_perform(http);
}
