// The connection handle passed to prepare does not carry the read: a
// prepare's handle goes only where its rule says, and an opaque handle
// (`sqlite3 *`) is never filled from the other arguments of a call.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <sqlite3.h>

// A read whose value guards nothing: it is only shown; the write beside it
// does not depend on it.
int show_seats(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  int seats = sqlite3_step(sel) == SQLITE_ROW ? sqlite3_column_int(sel, 0) : -1;
  sqlite3_finalize(sel);
  sqlite3_exec(db, "UPDATE events SET views = views + 1 WHERE id = 7", nullptr, nullptr, nullptr);
  return seats;
}

// The same read deciding the write beside it: flagged.
bool take_seat(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  int seats = sqlite3_step(sel) == SQLITE_ROW ? sqlite3_column_int(sel, 0) : -1;
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  sqlite3_finalize(sel);
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sqlite3_exec(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7", nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = sqlite3_step(sel) == SQLITE_ROW ? sqlite3_column_int(sel, 0) : -1;{{$}}
