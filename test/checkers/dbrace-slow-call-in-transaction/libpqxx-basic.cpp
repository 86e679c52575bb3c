// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- -- -isystem %inputs/pqxx -isystem %inputs/slow

#include <chrono>
#include <curl/curl.h>
#include <pqxx/pqxx>
#include <thread>
#include <unistd.h>

// An HTTP call to the payment provider while the wallet row is locked.
void charge(pqxx::connection &c, int wallet, CURL *http) {
  pqxx::work w(c);
  pqxx::row r = w.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", wallet);
  curl_easy_perform(http);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'curl_easy_perform' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: the lock is taken here
  w.exec_params("UPDATE wallets SET balance = balance - 1 WHERE id = $1", wallet);
  w.commit();
}

// A helper of this file that sleeps is slow too.
static void back_off() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }

void reserve(pqxx::work &w, int event_id) {
  w.exec("LOCK TABLE bookings IN EXCLUSIVE MODE");
  back_off();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'back_off' while a lock is held
  // CHECK-NOTES: :[[@LINE-6]]:26: note: which makes a slow call here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
  w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
}

// ---- Not flagged ----

// The slow call after the commit.
void charge_then_call(pqxx::connection &c, int wallet, CURL *http) {
  {
    pqxx::work w(c);
    w.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", wallet);
    w.exec_params("UPDATE wallets SET balance = balance - 1 WHERE id = $1", wallet);
    w.commit();
  }
  curl_easy_perform(http);
}

// No lock held: a plain read in a transaction.
void poll(pqxx::work &w) {
  w.exec("SELECT count(*) FROM jobs");
  sleep(1);
}

// The transaction ended with its scope before the sleep.
void scoped(pqxx::connection &c) {
  {
    pqxx::work w(c);
    w.exec("SELECT id FROM jobs WHERE id = 1 FOR UPDATE");
  }
  usleep(1000);
}
