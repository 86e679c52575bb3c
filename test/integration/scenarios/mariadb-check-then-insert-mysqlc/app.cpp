// Claiming a one-per-customer coupon with the MariaDB C API: check, then
// insert, in a REPEATABLE READ transaction.
//
// Every client counts the customer's claims, finds none, and inserts one.
// No row lock can help, since the row does not exist yet. dbrace flags the
// check (dbrace-check-then-insert) and has no fix-it; its note suggests a
// unique constraint with INSERT IGNORE and a check of the affected rows,
// which fix.patch applies.

#include "window.h"

#include <mysql.h>

#include <cstdlib>

// Returns 1 when the coupon was claimed, 0 when the customer had it, -1 on
// an error.
int claim_coupon(MYSQL *conn) {
  if (mysql_query(conn, "START TRANSACTION") != 0)
    return -1;
  if (mysql_query(conn, "SELECT count(*) FROM claims WHERE customer = 42 AND code = 'WELCOME'") != 0)
    return -1;
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : nullptr;
  const int claimed = row ? std::atoi(row[0]) : 0;
  mysql_free_result(res);
  if (claimed > 0) {
    mysql_rollback(conn);
    return 0;
  }
  race_window();
  if (mysql_query(conn, "INSERT INTO claims(customer, code) VALUES (42, 'WELCOME')") != 0) {
    mysql_rollback(conn);
    return -1;
  }
  return mysql_commit(conn) == 0 ? 1 : -1;
}

// The harness calls this once per client: all for the same customer.
int scenario_request(MYSQL &conn, int) { return claim_coupon(&conn); }
