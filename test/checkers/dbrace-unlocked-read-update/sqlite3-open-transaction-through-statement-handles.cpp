// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <sqlite3.h>

// The C API's usual shape in autocommit: the statements run through
// handles, and the connection is named only where each was prepared. The
// fix-it finds it there and opens the transaction on it.
int book_ticket(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr) != SQLITE_OK)
    return -1;
  sqlite3_bind_int(sel, 1, event_id);
  if (sqlite3_step(sel) != SQLITE_ROW) {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
    sqlite3_finalize(sel);
    return -1;
  }
  const int seats = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  if (seats <= 0)
    return 0;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, event_id);
  int rc = sqlite3_step(upd);
  // CHECK-NOTES: :[[@LINE-1]]:12: note: 'events' is updated here
  sqlite3_finalize(upd);
  return rc == SQLITE_DONE ? 1 : -1;
}
// CHECK-FIXES: {{^}}  sqlite3_bind_int(sel, 1, event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (sqlite3_step(sel) != SQLITE_ROW) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}    sqlite3_finalize(sel);{{$}}
// CHECK-FIXES-NEXT: {{^}}    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);{{$}}
// CHECK-FIXES-NEXT: {{^}}    return -1;{{$}}
// CHECK-FIXES: {{^}}  if (seats <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}    { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); return 0; }{{$}}
// CHECK-FIXES: {{^}}  sqlite3_finalize(upd);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return rc == SQLITE_DONE ? 1 : -1;{{$}}

// One handle prepared on either of two connections: which one the read runs
// on is not known, so the note says what to write.
int book_ticket_on(sqlite3 *primary, sqlite3 *replica, bool fresh, int event_id) {
  sqlite3_stmt *sel = nullptr;
  if (fresh)
    sqlite3_prepare_v2(primary, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  else
    sqlite3_prepare_v2(replica, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  const int seats = sqlite3_step(sel) == SQLITE_ROW ? sqlite3_column_int(sel, 0) : 0;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'events' is read without a transaction or lock and then written based on the value
  sqlite3_finalize(sel);
  if (seats <= 0)
    return 0;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(primary, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, event_id);
  const int rc = sqlite3_step(upd);
  // CHECK-NOTES: :[[@LINE-1]]:18: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:21: note: to run the read and the write in one transaction, write 'sqlite3_exec(..., "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);' before the read and 'sqlite3_exec(..., "COMMIT", nullptr, nullptr, nullptr);' on each normal exit after the write
  sqlite3_finalize(upd);
  return rc == SQLITE_DONE ? 1 : -1;
}
