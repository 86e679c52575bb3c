// RUN: %check_dbrace --check-suffix=SCHEMA %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {SchemaFiles: '%inputs/schema/tickets-sqlite.sql'}}" -- -isystem %inputs/sqlite3
// RUN: %check_dbrace --check-suffix=SCHEMA %s dbrace-unlocked-read-update %t.real -- --config="{CheckOptions: {SchemaFiles: '%inputs/schema/tickets-sqlite.sql'}}"
// RUN: %check_dbrace --check-suffix=NONE %s dbrace-unlocked-read-update %t.none -- -- -isystem %inputs/sqlite3

// SQLite's DDL gives the keys the same way (tickets-sqlite.sql: id the
// primary key, code unique): the write that repeats the read's condition on
// a column outside them checks for itself. Without the schema it does too,
// since it sets that column itself: a second request's write matches no row.

#include <sqlite3.h>

bool claim(sqlite3 *db) {
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  sqlite3_get_table(db, "SELECT id FROM tickets WHERE code = 'A7' AND claimed = 0", &rows, &nrow, &ncol, nullptr);
  sqlite3_free_table(rows);
  if (nrow == 0)
    return false;
  sqlite3_exec(db, "UPDATE tickets SET claimed = 1 WHERE code = 'A7' AND claimed = 0", nullptr, nullptr, nullptr);
  return sqlite3_changes(db) == 1;
}
// With the schema and without it, the write that re-asserts the value it
// changes and whose row count is checked is not reported.
// CHECK-NOTES-SCHEMA-NOT: warning:
// CHECK-NOTES-NONE-NOT: warning:
