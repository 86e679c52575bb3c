// Ticket booking with the SQLite C API in autocommit.
//
// Every statement is its own transaction: every client reads "3 seats",
// and every one books: the event is oversold. dbrace flags the read
// (dbrace-unlocked-read-update); its fix-it opens a BEGIN IMMEDIATE
// transaction before the read and commits it on each exit, so the others
// wait (busy timeout) and then read the new count.

#include "window.h"

#include <sqlite3.h>

#include <cstdlib>

// Returns 1 when a ticket was booked, 0 when sold out, -1 on an error.
int book_ticket(sqlite3 *db) {
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  if (sqlite3_get_table(db, "SELECT available_seats FROM events WHERE id = 1", &rows, &nrow, &ncol, nullptr) != SQLITE_OK)
    return -1;
  const int seats = nrow == 1 ? std::atoi(rows[1]) : 0;
  sqlite3_free_table(rows);
  if (seats <= 0)
    return 0;
  race_window();
  if (sqlite3_exec(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 1", nullptr, nullptr, nullptr) != SQLITE_OK)
    return -1;
  if (sqlite3_exec(db, "INSERT INTO bookings(event_id) VALUES (1)", nullptr, nullptr, nullptr) != SQLITE_OK)
    return -1;
  return 1;
}

// The harness calls this once per client.
int scenario_request(sqlite3 &db, int) { return book_ticket(&db); }
