// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- -- -isystem %inputs/sqlitecpp -isystem %inputs/slow
// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t.real -- -- -isystem %inputs/slow

// An IMMEDIATE transaction holds SQLite's write lock for the whole
// database: a slow call inside it stops every other writer.

#include <SQLiteCpp/SQLiteCpp.h>
#include <curl/curl.h>
#include <string>
#include <unistd.h>

void charge(SQLite::Database &db, CURL *http, int wallet) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  int balance = db.execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
  curl_easy_perform(http);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'curl_easy_perform' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-4]]:23: note: the lock is taken here
  db.exec("UPDATE wallets SET balance = " + std::to_string(balance - 1) + " WHERE id = " + std::to_string(wallet));
  tx.commit();
}

void backoff(SQLite::Database &db) {
  db.exec("BEGIN IMMEDIATE");
  sleep(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'sleep' while a lock is held
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here
  db.exec("COMMIT");
}

// ---- Not flagged: the fixed shape, the call after the commit ----

void charge_then_call(SQLite::Database &db, CURL *http, int wallet) {
  {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    int balance = db.execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
    db.exec("UPDATE wallets SET balance = " + std::to_string(balance - 1) + " WHERE id = " + std::to_string(wallet));
    tx.commit();
  }
  curl_easy_perform(http);
}
