// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <sqlite3.h>

// The check runs in autocommit, before the (even immediate) transaction that
// writes begins: the lock comes too late.
bool book_seat(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  int rc = sqlite3_step(sel);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  int seats = rc == SQLITE_ROW ? sqlite3_column_int(sel, 0) : 0;
  sqlite3_finalize(sel);
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7", nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the transaction begins here
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return true;
}
// CHECK-NOTES: :[[@LINE-14]]:12: note: begin the transaction before the read: move 'sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);' above it

// The read in one transaction, the write in the next: committing in
// between lets a concurrent request in.
void pay_split(sqlite3 *db, int amount) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  sqlite3_get_table(db, "SELECT balance FROM wallets WHERE id = 12", &rows, &nrow, &ncol, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read in an earlier transaction than the one that writes it; a concurrent request can change it in between [dbrace-read-outside-transaction]
  bool enough = nrow == 1 && rows[1][0] != '-';
  sqlite3_free_table(rows);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  if (!enough)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "UPDATE wallets SET balance = balance - 5 WHERE id = 12", nullptr, nullptr, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the transaction begins here
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// ---- Not flagged ----

// The read moved into the immediate transaction.
bool book_seat_fixed(sqlite3 *db, int event_id) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  int seats = sqlite3_step(sel) == SQLITE_ROW ? sqlite3_column_int(sel, 0) : 0;
  sqlite3_finalize(sel);
  if (seats <= 0) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  sqlite3_exec(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return true;
}
