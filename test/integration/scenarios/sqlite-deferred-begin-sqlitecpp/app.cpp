// Ticket booking with SQLiteCpp in a default (deferred) transaction.
//
// SQLite::Transaction begins with a plain BEGIN, which takes no lock until
// the first write: every client reads "3 seats", the first to write wins
// and every other one fails at its write (SQLITE_BUSY, its snapshot is
// stale). dbrace flags the read (dbrace-unlocked-read-update); its fix-it
// asks for TransactionBehavior::IMMEDIATE, so the others wait for the lock
// (busy timeout) and then read the new count.

#include "window.h"

#include <SQLiteCpp/SQLiteCpp.h>

// Returns 1 when a ticket was booked, 0 when sold out; throws on an error.
int book_ticket(SQLite::Database &db, int event_id) {
  SQLite::Transaction tx(db);
  SQLite::Statement query(db, "SELECT available_seats FROM events WHERE id = ?");
  query.bind(1, event_id);
  if (!query.executeStep() || query.getColumn(0).getInt() <= 0)
    return 0;
  race_window();
  SQLite::Statement update(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.bind(1, event_id);
  update.exec();
  SQLite::Statement insert(db, "INSERT INTO bookings(event_id) VALUES (?)");
  insert.bind(1, event_id);
  insert.exec();
  tx.commit();
  return 1;
}

// The harness calls this once per client.
int scenario_request(SQLite::Database &db, int) { return book_ticket(db, 1); }
