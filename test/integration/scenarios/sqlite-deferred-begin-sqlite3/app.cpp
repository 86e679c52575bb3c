// Ticket booking with the SQLite C API in a deferred transaction.
//
// A plain BEGIN takes no lock until the first write. Every client reads
// "3 seats" under a shared lock; the first to write wins, and every other
// one fails at its write: its snapshot is stale (SQLITE_BUSY), and no busy
// timeout helps. Requests fail although seats are left. dbrace flags the
// read (dbrace-unlocked-read-update); its fix-it makes the BEGIN IMMEDIATE,
// which takes the write lock first, so the others wait (busy timeout) and
// then read the new count.

#include "window.h"

#include <sqlite3.h>

static int finish(sqlite3 *db, int result) {
  sqlite3_exec(db, result < 0 ? "ROLLBACK" : "COMMIT", nullptr, nullptr, nullptr);
  return result;
}

// Returns 1 when a ticket was booked, 0 when sold out, -1 on an error.
int book_ticket(sqlite3 *db, int event_id) {
  if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
    return -1;
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  if (sqlite3_step(sel) != SQLITE_ROW) {
    sqlite3_finalize(sel);
    return finish(db, -1);
  }
  const int seats = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  if (seats <= 0)
    return finish(db, 0);
  race_window();
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, event_id);
  int rc = sqlite3_step(upd);
  sqlite3_finalize(upd);
  if (rc != SQLITE_DONE)
    return finish(db, -1);
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO bookings(event_id) VALUES (?)", -1, &ins, nullptr);
  sqlite3_bind_int(ins, 1, event_id);
  rc = sqlite3_step(ins);
  sqlite3_finalize(ins);
  return finish(db, rc == SQLITE_DONE ? 1 : -1);
}

// The harness calls this once per client.
int scenario_request(sqlite3 &db, int) { return book_ticket(&db, 1); }
