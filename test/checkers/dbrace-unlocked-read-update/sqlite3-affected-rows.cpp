// A conditional UPDATE whose row count is read through the library's
// affected-rows accessor (an `affected_rows` rule) checks for itself.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <sqlite3.h>

// The conditional update run with sqlite3_exec, its row count checked with
// sqlite3_changes: the write checks for itself.
bool book_checked_exec(sqlite3 *db) {
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  sqlite3_get_table(db, "SELECT available_seats FROM events WHERE id = 7", &rows, &nrow, &ncol, nullptr);
  bool none = nrow == 0 || rows[1][0] == '0';
  sqlite3_free_table(rows);
  if (none)
    return false;
  sqlite3_exec(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7 AND available_seats > 0", nullptr, nullptr, nullptr);
  return sqlite3_changes(db) == 1;
}

// The same update with its row count ignored: the check above it decides.
bool book_unchecked_exec(sqlite3 *db) {
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  sqlite3_get_table(db, "SELECT available_seats FROM events WHERE id = 7", &rows, &nrow, &ncol, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  bool none = nrow == 0 || rows[1][0] == '0';
  sqlite3_free_table(rows);
  if (none)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sqlite3_exec(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7 AND available_seats > 0", nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
// CHECK-FIXES: sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
// CHECK-FIXES: { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); return false; }
// CHECK-FIXES: sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}
