// Ticket booking with the SQLite C API in autocommit, through prepared
// statements (sqlite3_prepare_v2, sqlite3_step), the C API's usual shape.
//
// Every statement is its own transaction: every client reads "3 seats" and
// every one books. dbrace flags the read (dbrace-unlocked-read-update) and
// its fix-it runs BEGIN IMMEDIATE before the read, on the connection the
// statements were prepared on, and COMMIT on each normal exit.

#include "window.h"

#include <sqlite3.h>

// Returns 1 when a ticket was booked, 0 when sold out, -1 on an error.
int book_ticket(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr) != SQLITE_OK)
    return -1;
  sqlite3_bind_int(sel, 1, event_id);
  if (sqlite3_step(sel) != SQLITE_ROW) {
    sqlite3_finalize(sel);
    return -1;
  }
  const int seats = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  if (seats <= 0)
    return 0;
  race_window();
  sqlite3_stmt *upd = nullptr;
  if (sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", -1, &upd, nullptr) != SQLITE_OK)
    return -1;
  sqlite3_bind_int(upd, 1, event_id);
  int rc = sqlite3_step(upd);
  sqlite3_finalize(upd);
  if (rc != SQLITE_DONE)
    return -1;
  sqlite3_stmt *ins = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO bookings(event_id) VALUES (?)", -1, &ins, nullptr) != SQLITE_OK)
    return -1;
  sqlite3_bind_int(ins, 1, event_id);
  rc = sqlite3_step(ins);
  sqlite3_finalize(ins);
  return rc == SQLITE_DONE ? 1 : -1;
}

// The harness calls this once per client.
int scenario_request(sqlite3 &db, int) { return book_ticket(&db, 1); }
