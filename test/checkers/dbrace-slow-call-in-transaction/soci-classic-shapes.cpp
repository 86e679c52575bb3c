// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- -- -isystem %inputs/soci -isystem %inputs/slow
// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t.real -- -- -isystem %inputs/slow

// A slow call while a row lock is held: every request that wants the row
// waits for the network too.

#include <chrono>
#include <curl/curl.h>
#include <soci/soci.h>
#include <thread>

void charge(soci::session &sql, CURL *http) {
  soci::transaction tr(sql);
  int balance = 0;
  sql << "SELECT balance FROM wallets WHERE id = 3 FOR UPDATE", soci::into(balance);
  curl_easy_perform(http);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'curl_easy_perform' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here
  sql << "UPDATE wallets SET balance = balance - 1 WHERE id = 3";
  tr.commit();
}

void retry_later(soci::session &sql) {
  soci::transaction tr(sql);
  sql << "LOCK TABLE bookings IN EXCLUSIVE MODE";
  std::this_thread::sleep_for(std::chrono::seconds(1));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'std::this_thread::sleep_for' while a lock is held
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here
  tr.commit();
}

// ---- Not flagged: the fixed shape, the call after the commit ----

void charge_then_call(soci::session &sql, CURL *http) {
  {
    soci::transaction tr(sql);
    int balance = 0;
    sql << "SELECT balance FROM wallets WHERE id = 3 FOR UPDATE", soci::into(balance);
    sql << "UPDATE wallets SET balance = balance - 1 WHERE id = 3";
    tr.commit();
  }
  curl_easy_perform(http);
}

// No lock held: a plain read in a transaction keeps nobody waiting.
void look_then_call(soci::session &sql, CURL *http) {
  soci::transaction tr(sql);
  int balance = 0;
  sql << "SELECT balance FROM wallets WHERE id = 3", soci::into(balance);
  curl_easy_perform(http);
  tr.commit();
}
