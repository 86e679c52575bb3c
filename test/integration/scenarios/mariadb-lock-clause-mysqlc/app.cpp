// Ticket booking with the MariaDB C API, in a transaction, under InnoDB's
// REPEATABLE READ (the default).
//
// The transaction alone does not help: every client's SELECT reads the
// same consistent snapshot ("3 seats"), InnoDB does not detect the lost
// update, and every UPDATE decrements the latest value: the event is
// oversold. dbrace flags the read (dbrace-unlocked-read-update) and appends
// FOR UPDATE, a locking read of the latest row, for which the others wait.

#include "window.h"

#include <mysql.h>

#include <cstdlib>

// Returns 1 when a ticket was booked, 0 when sold out, -1 on an error.
int book_ticket(MYSQL *conn) {
  if (mysql_query(conn, "START TRANSACTION") != 0)
    return -1;
  if (mysql_query(conn, "SELECT available_seats FROM events WHERE id = 1") != 0)
    return -1;
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : nullptr;
  const int seats = row ? std::atoi(row[0]) : 0;
  mysql_free_result(res);
  if (seats <= 0) {
    mysql_rollback(conn);
    return 0;
  }
  race_window();
  if (mysql_query(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 1") != 0 ||
      mysql_query(conn, "INSERT INTO bookings(event_id) VALUES (1)") != 0) {
    mysql_rollback(conn);
    return -1;
  }
  return mysql_commit(conn) == 0 ? 1 : -1;
}

// The harness calls this once per client.
int scenario_request(MYSQL &conn, int) { return book_ticket(&conn); }
