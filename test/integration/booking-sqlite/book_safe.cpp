// Ticket booking with the SQLite C API, safe: the hand-written reference fix
// of book.cpp (until dbrace --fix can open the transaction itself).
//
// BEGIN IMMEDIATE takes SQLite's write lock before the read, so no other
// connection can write between this SELECT and this UPDATE; a second booking
// waits (busy timeout) and then reads the already decremented count. A plain
// deferred BEGIN would not do: two readers would deadlock on the lock upgrade
// and one would fail with SQLITE_BUSY.

#include "common.h"

static int finish(sqlite3 *db, int result) {
  sqlite3_exec(db, result < 0 ? "ROLLBACK" : "COMMIT", nullptr, nullptr, nullptr);
  return result;
}

int book_ticket(sqlite3 *db, int event_id) {
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return -1;

  sqlite3_stmt *sel = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr) != SQLITE_OK)
    return finish(db, -1);
  sqlite3_bind_int(sel, 1, event_id);
  if (sqlite3_step(sel) != SQLITE_ROW) {
    sqlite3_finalize(sel);
    return finish(db, -1);
  }
  const int seats = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  if (seats <= 0)
    return finish(db, 0);

  sqlite3_stmt *upd = nullptr;
  if (sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", -1, &upd, nullptr) != SQLITE_OK)
    return finish(db, -1);
  sqlite3_bind_int(upd, 1, event_id);
  int rc = sqlite3_step(upd);
  sqlite3_finalize(upd);
  if (rc != SQLITE_DONE)
    return finish(db, -1);

  sqlite3_stmt *ins = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO bookings(event_id) VALUES (?)", -1, &ins, nullptr) != SQLITE_OK)
    return finish(db, -1);
  sqlite3_bind_int(ins, 1, event_id);
  rc = sqlite3_step(ins);
  sqlite3_finalize(ins);
  return finish(db, rc == SQLITE_DONE ? 1 : -1);
}

int main(int argc, char **argv) { return harness::run(argc, argv); }
