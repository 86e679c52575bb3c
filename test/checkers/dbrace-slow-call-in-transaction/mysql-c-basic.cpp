// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- -- -isystem %inputs/mysqlclient -isystem %inputs/slow
// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t.real -- -- -isystem /usr/include/mariadb -isystem %inputs/slow

#include <curl/curl.h>
#include <mysql.h>

// A locking read, then a call over the network before the commit.
void charge(MYSQL *conn, CURL *http) {
  mysql_autocommit(conn, 0);
  mysql_query(conn, "SELECT balance FROM wallets WHERE id = 1 FOR UPDATE");
  MYSQL_RES *res = mysql_store_result(conn);
  mysql_free_result(res);
  curl_easy_perform(http);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'curl_easy_perform' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the lock is taken here
  mysql_query(conn, "UPDATE wallets SET balance = balance - 1 WHERE id = 1");
  mysql_commit(conn);
}

// ---- Not flagged ----

// In autocommit each statement's lock ends with it.
void charge_autocommit(MYSQL *conn, CURL *http) {
  mysql_query(conn, "UPDATE wallets SET balance = balance - 1 WHERE id = 1");
  curl_easy_perform(http);
}
