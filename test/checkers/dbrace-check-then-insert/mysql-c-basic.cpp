// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/mysqlclient
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real -- -- -isystem /usr/include/mariadb

#include <mysql.h>
#include <cstdlib>

// "No account with this e-mail yet, so insert one", in a transaction: even
// FOR UPDATE locks no row that does not exist yet.
bool sign_up(MYSQL *conn) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT id FROM users WHERE email = 'a@example.org'");
  MYSQL_RES *res = mysql_store_result(conn);
  const bool known = mysql_num_rows(res) > 0;
  mysql_free_result(res);
  if (!known)
    mysql_query(conn, "INSERT INTO users(email) VALUES ('a@example.org')");
    // CHECK-NOTES: :[[@LINE-6]]:3: warning: check of 'users' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: the value read is checked here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: 'users' is inserted into here
    // CHECK-NOTES: :[[@LINE-10]]:3: note: the transaction begins here
    // CHECK-NOTES: :[[@LINE-5]]:5: note: a unique constraint with 'INSERT IGNORE' or 'ON DUPLICATE KEY UPDATE' and a check of the affected rows, or locking the parent row before the check, makes this safe
  mysql_commit(conn);
  return !known;
}

// A count below a limit, in autocommit.
void join_waitlist(MYSQL *conn) {
  mysql_query(conn, "SELECT count(*) FROM waitlist WHERE event_id = 7");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const int waiting = std::atoi(row[0]);
  mysql_free_result(res);
  if (waiting < 100)
    mysql_query(conn, "INSERT INTO waitlist(event_id, user_id) VALUES (7, 42)");
    // CHECK-NOTES: :[[@LINE-7]]:3: warning: check of 'waitlist' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: the value read is checked here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: 'waitlist' is inserted into here
    // CHECK-NOTES: :[[@LINE-4]]:5: note: a unique constraint with 'INSERT IGNORE' or 'ON DUPLICATE KEY UPDATE' and a check of the affected rows, or locking the parent row before the check, makes this safe
}

// ---- Not flagged ----

// The unique key decides: INSERT IGNORE, its row count checked.
bool sign_up_unique(MYSQL *conn) {
  mysql_query(conn, "INSERT IGNORE INTO users(email) VALUES ('a@example.org')");
  return mysql_affected_rows(conn) == 1;
}
