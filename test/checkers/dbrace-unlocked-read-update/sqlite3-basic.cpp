// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <sqlite3.h>
#include <cstdlib>

// The README's booking in autocommit: each statement is its own transaction,
// so two requests both see the last seat. The statements run through
// handles; the fix-it opens the transaction on the connection they were
// prepared on.
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
// CHECK-FIXES: {{^}}  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (sqlite3_step(sel) != SQLITE_ROW) {{{$}}

// A deferred BEGIN takes no lock until the first write: both requests read
// the old balance (a lost update). The fix-it makes the BEGIN immediate.
bool pay(sqlite3 *db, int wallet, int amount) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT balance FROM wallets WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, wallet);
  sqlite3_step(sel);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  int balance = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE wallets SET balance = ? WHERE id = ?", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, balance - amount);
  sqlite3_bind_int(upd, 2, wallet);
  sqlite3_step(upd);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here
  sqlite3_finalize(upd);
  return sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}
// CHECK-FIXES: sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);

// sqlite3_get_table and an explicit DEFERRED: the rows land in `rows`. The
// fix-it replaces the whole BEGIN statement.
bool redeem_coupon(sqlite3 *db) {
  sqlite3_exec(db, "BEGIN DEFERRED TRANSACTION", nullptr, nullptr, nullptr);
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  sqlite3_get_table(db, "SELECT used FROM coupons WHERE code = 'SPRING'", &rows, &nrow, &ncol, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'coupons' is read without a lock
  bool used = nrow == 1 && std::atoi(rows[1]) != 0;
  sqlite3_free_table(rows);
  if (used) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: the value read is checked here
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  sqlite3_exec(db, "UPDATE coupons SET used = 1 WHERE code = 'SPRING'", nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'coupons' is updated here
  // CHECK-NOTES: :[[@LINE-14]]:3: note: the transaction begins here
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return true;
}
// CHECK-FIXES: sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);

// prepare_v3 puts its flags before the handle; a step in a loop condition.
void restock(sqlite3 *db, int product) {
  sqlite3_exec(db, "BEGIN;", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v3(db, "SELECT stock FROM products WHERE id = ?1", -1, SQLITE_PREPARE_PERSISTENT, &sel, nullptr);
  sqlite3_bind_int(sel, 1, product);
  bool low = false;
  while (sqlite3_step(sel) == SQLITE_ROW)
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'products' is read without a lock
    low = sqlite3_column_int(sel, 0) < 5;
  sqlite3_finalize(sel);
  if (low)
    sqlite3_exec(db, "UPDATE products SET stock = stock + 100 WHERE id = 3", nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-13]]:3: note: the transaction begins here
  sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr);
}
// CHECK-FIXES: sqlite3_exec(db, "BEGIN IMMEDIATE;", nullptr, nullptr, nullptr);

// ---- Not flagged ----

// BEGIN IMMEDIATE takes the write lock before the read: a second request
// waits at its own BEGIN and then sees the new value.
int book_immediate(sqlite3 *db, int event_id) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  int seats = sqlite3_step(sel) == SQLITE_ROW ? sqlite3_column_int(sel, 0) : 0;
  sqlite3_finalize(sel);
  if (seats > 0) {
    sqlite3_stmt *upd = nullptr;
    sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", -1, &upd, nullptr);
    sqlite3_bind_int(upd, 1, event_id);
    sqlite3_step(upd);
    sqlite3_finalize(upd);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return seats > 0;
}

// EXCLUSIVE locks even more.
void pay_exclusive(sqlite3 *db, int wallet, int amount) {
  sqlite3_exec(db, "BEGIN EXCLUSIVE TRANSACTION", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT balance FROM wallets WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, wallet);
  sqlite3_step(sel);
  int balance = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE wallets SET balance = ? WHERE id = ?", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, balance - amount);
  sqlite3_bind_int(upd, 2, wallet);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  sqlite3_exec(db, "COMMIT TRANSACTION", nullptr, nullptr, nullptr);
}

// The atomic conditional update, its outcome checked, with no read.
bool book_atomic(sqlite3 *db, int event_id) {
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, event_id);
  int rc = sqlite3_step(upd);
  sqlite3_finalize(upd);
  return rc == SQLITE_DONE && sqlite3_changes(db) == 1;
}

// A read that guards the same conditional update: the write checks itself.
bool book_checked_twice(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  int seats = sqlite3_step(sel) == SQLITE_ROW ? sqlite3_column_int(sel, 0) : 0;
  sqlite3_finalize(sel);
  if (seats <= 0)
    return false;
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, event_id);
  if (sqlite3_step(upd) != SQLITE_DONE)
    return false;
  sqlite3_finalize(upd);
  return sqlite3_changes(db) == 1;
}

// A read of one table guarding a write of an unrelated one.
void log_if_sold_out(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  if (sqlite3_step(sel) == SQLITE_ROW && sqlite3_column_int(sel, 0) == 0)
    sqlite3_exec(db, "UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1", nullptr, nullptr, nullptr);
  sqlite3_finalize(sel);
}

// Different rows of the same table, told apart by their literal keys.
void feature_other(sqlite3 *db) {
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  sqlite3_get_table(db, "SELECT price FROM products WHERE id = 1", &rows, &nrow, &ncol, nullptr);
  if (nrow == 1 && std::atoi(rows[1]) > 0)
    sqlite3_exec(db, "UPDATE products SET featured = 1 WHERE id = 2", nullptr, nullptr, nullptr);
  sqlite3_free_table(rows);
}
