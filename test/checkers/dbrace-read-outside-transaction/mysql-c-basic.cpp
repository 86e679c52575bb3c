// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/mysqlclient
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real -- -- -isystem /usr/include/mariadb

#include <mysql.h>
#include <cstdlib>

// The read in one transaction, the write in the next: the commit in
// between lets a concurrent request in.
void pay_split(MYSQL *conn) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT balance FROM wallets WHERE id = 12 FOR UPDATE");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const bool enough = row && std::atol(row[0]) >= 5;
  mysql_free_result(res);
  mysql_commit(conn);
  if (!enough)
    return;
  mysql_query(conn, "BEGIN");
  mysql_query(conn, "UPDATE wallets SET balance = balance - 5 WHERE id = 12");
  // CHECK-NOTES: :[[@LINE-10]]:3: warning: 'wallets' is read and locked in an earlier transaction than the one that writes it; the lock is gone by the write [dbrace-read-outside-transaction]
  // CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the transaction begins here
  mysql_commit(conn);
}

// ---- Not flagged ----

// One transaction from the locked read to the write.
void pay(MYSQL *conn) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT balance FROM wallets WHERE id = 12 FOR UPDATE");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const bool enough = row && std::atol(row[0]) >= 5;
  mysql_free_result(res);
  if (enough)
    mysql_query(conn, "UPDATE wallets SET balance = balance - 5 WHERE id = 12");
  mysql_commit(conn);
}
