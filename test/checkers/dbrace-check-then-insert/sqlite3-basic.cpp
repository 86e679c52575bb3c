// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real

#include <sqlite3.h>

// "No booking yet, so insert one", in a deferred transaction: two requests
// both count zero and both insert. BEGIN IMMEDIATE, which locks the whole
// database, is the fix-it.
bool book_once(sqlite3 *db, int user_id, int event_id) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM bookings WHERE user_id = ? AND event_id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, user_id);
  sqlite3_bind_int(sel, 2, event_id);
  sqlite3_step(sel);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: check of 'bookings' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  bool exists = sqlite3_column_int(sel, 0) > 0;
  sqlite3_finalize(sel);
  if (!exists) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: the value read is checked here
    sqlite3_stmt *ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO bookings(user_id, event_id) VALUES (?, ?)", -1, &ins, nullptr);
    sqlite3_bind_int(ins, 1, user_id);
    sqlite3_bind_int(ins, 2, event_id);
    sqlite3_step(ins);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'bookings' is inserted into here
    // CHECK-NOTES: :[[@LINE-17]]:3: note: the transaction begins here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: a unique constraint with 'INSERT OR IGNORE' or 'ON CONFLICT DO NOTHING' and a check of the affected rows, or 'BEGIN IMMEDIATE' before the check, makes this safe
    sqlite3_finalize(ins);
  }
  return sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}
// CHECK-FIXES: bool book_once(sqlite3 *db, int user_id, int event_id) {
// CHECK-FIXES-NEXT: sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);

// The same in autocommit: the fix-it opens an immediate transaction.
void register_user(sqlite3 *db, const char *email) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM users WHERE email = ?", -1, &sel, nullptr);
  sqlite3_bind_text(sel, 1, email, -1, SQLITE_STATIC);
  bool known = sqlite3_step(sel) == SQLITE_ROW;
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: check of 'users' decides an insert into it
  sqlite3_finalize(sel);
  if (!known)
    sqlite3_exec(db, "INSERT INTO users(email) VALUES ('a@example.org')", nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'users' is inserted into here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a unique constraint with
}
// CHECK-FIXES: {{^}}  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);{{$}}
// CHECK-FIXES-NEXT: {{^}}  bool known = sqlite3_step(sel) == SQLITE_ROW;{{$}}

// sqlite3_get_table fills the values and the row count; the check here is
// on the count.
void register_user_table(sqlite3 *db) {
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  sqlite3_get_table(db, "SELECT id FROM users WHERE email = 'a@example.org'", &rows, &nrow, &ncol, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: check of 'users' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  sqlite3_free_table(rows);
  if (nrow == 0)
    sqlite3_exec(db, "INSERT INTO users(email) VALUES ('a@example.org')", nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'users' is inserted into here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a unique constraint with 'INSERT OR IGNORE' or 'ON CONFLICT DO NOTHING' and a check of the affected rows, or 'BEGIN IMMEDIATE' before the check, makes this safe
}

// ---- Not flagged ----

// BEGIN IMMEDIATE locks the whole database, rows yet to be inserted too.
bool book_once_immediate(sqlite3 *db, int user_id, int event_id) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM bookings WHERE user_id = ? AND event_id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, user_id);
  sqlite3_bind_int(sel, 2, event_id);
  sqlite3_step(sel);
  bool exists = sqlite3_column_int(sel, 0) > 0;
  sqlite3_finalize(sel);
  if (!exists)
    sqlite3_exec(db, "INSERT INTO bookings(user_id, event_id) VALUES (1, 2)", nullptr, nullptr, nullptr);
  return sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}

// The unique constraint decides: INSERT OR IGNORE, no read at all.
bool book_once_unique(sqlite3 *db) {
  sqlite3_exec(db, "INSERT OR IGNORE INTO bookings(user_id, event_id) VALUES (1, 2)", nullptr, nullptr, nullptr);
  return sqlite3_changes(db) == 1;
}

// The insert of a row computed from a read, not decided by it.
void copy_price(sqlite3 *db) {
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  sqlite3_get_table(db, "SELECT price FROM products WHERE id = 1", &rows, &nrow, &ncol, nullptr);
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO price_history(product_id, price) VALUES (1, ?)", -1, &ins, nullptr);
  sqlite3_bind_text(ins, 1, rows[1], -1, SQLITE_TRANSIENT);
  sqlite3_step(ins);
  sqlite3_finalize(ins);
  sqlite3_free_table(rows);
}
