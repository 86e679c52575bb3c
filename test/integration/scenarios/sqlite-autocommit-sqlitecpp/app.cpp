// Ticket booking with SQLiteCpp in autocommit.
//
// Every statement is its own transaction: every client reads "3 seats",
// and every one books: the event is oversold. dbrace flags the read
// (dbrace-unlocked-read-update); its fix-it opens an IMMEDIATE
// SQLite::Transaction before the read and commits it on each normal exit.

#include "window.h"

#include <SQLiteCpp/SQLiteCpp.h>

// Returns 1 when a ticket was booked, 0 when sold out; throws on an error.
int book_ticket(SQLite::Database &db) {
  const int seats = db.execAndGet("SELECT available_seats FROM events WHERE id = 1");
  if (seats <= 0)
    return 0;
  race_window();
  db.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = 1");
  db.exec("INSERT INTO bookings(event_id) VALUES (1)");
  return 1;
}

// The harness calls this once per client.
int scenario_request(SQLite::Database &db, int) { return book_ticket(db); }
