// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- -- -isystem %inputs/sqlite3 -isystem %inputs/slow
// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t.real -- -- -isystem %inputs/slow

// The sqlite3 C API: BEGIN IMMEDIATE takes the database's write lock at
// once, a deferred BEGIN at its first write. Either way every other writer
// waits until COMMIT, and so for any slow call made before it.

#include <curl/curl.h>
#include <sqlite3.h>
#include <unistd.h>

void charge(sqlite3 *db, CURL *http) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "UPDATE wallets SET balance = balance - 1 WHERE id = 1", nullptr, nullptr, nullptr);
  curl_easy_perform(http);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'curl_easy_perform' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// A deferred transaction holds the lock from its first write on.
void retry_later(sqlite3 *db) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "UPDATE jobs SET attempts = attempts + 1 WHERE id = 7", nullptr, nullptr, nullptr);
  sleep(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'sleep' while a lock is held
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here
  sqlite3_exec(db, "UPDATE jobs SET state = 'queued' WHERE id = 7", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// A prepared statement's step runs the write.
void mark_sent(sqlite3 *db, CURL *http, int id) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, "UPDATE outbox SET sent = 1 WHERE id = ?", -1, &stmt, nullptr);
  sqlite3_bind_int(stmt, 1, id);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  curl_easy_perform(http);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'curl_easy_perform' while a lock is held
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// ---- Not flagged ----

// The slow call after the commit: the fixed shape.
void charge_then_call(sqlite3 *db, CURL *http) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "UPDATE wallets SET balance = balance - 1 WHERE id = 1", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  curl_easy_perform(http);
}

// After a rollback no lock is held either.
void give_up(sqlite3 *db) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "UPDATE jobs SET attempts = attempts + 1 WHERE id = 7", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sleep(1);
}

// In autocommit each statement's lock ends with it.
void autocommit(sqlite3 *db, CURL *http) {
  sqlite3_exec(db, "UPDATE wallets SET balance = balance - 1 WHERE id = 1", nullptr, nullptr, nullptr);
  curl_easy_perform(http);
}
