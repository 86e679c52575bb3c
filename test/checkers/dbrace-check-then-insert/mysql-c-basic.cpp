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
}

// ---- Not flagged ----

// The unique key decides: INSERT IGNORE, its row count checked.
bool sign_up_unique(MYSQL *conn) {
  mysql_query(conn, "INSERT IGNORE INTO users(email) VALUES ('a@example.org')");
  return mysql_affected_rows(conn) == 1;
}
