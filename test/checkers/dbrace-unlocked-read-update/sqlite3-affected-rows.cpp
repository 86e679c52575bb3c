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
