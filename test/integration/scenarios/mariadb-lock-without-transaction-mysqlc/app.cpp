// Ticket booking with the MariaDB C API: the row is locked, but the
// connection is in autocommit (its default).
//
// The lock taken by FOR UPDATE ends with the SELECT: every client reads
// "3 seats" and every one books: the event is oversold. dbrace flags the
// read (dbrace-lock-without-transaction); its fix-it starts a transaction
// before the read and commits it on each normal exit.

#include "window.h"

#include <mysql.h>

#include <cstdlib>

// Returns 1 when a ticket was booked, 0 when sold out, -1 on an error.
int book_ticket(MYSQL *conn) {
  if (mysql_query(conn, "SELECT available_seats FROM events WHERE id = 1 FOR UPDATE") != 0)
    return -1;
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : nullptr;
  const int seats = row ? std::atoi(row[0]) : 0;
  mysql_free_result(res);
  if (seats <= 0)
    return 0;
  race_window();
  if (mysql_query(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 1") != 0)
    return -1;
  if (mysql_query(conn, "INSERT INTO bookings(event_id) VALUES (1)") != 0)
    return -1;
  return 1;
}

// The harness calls this once per client.
int scenario_request(MYSQL &conn, int) { return book_ticket(&conn); }
