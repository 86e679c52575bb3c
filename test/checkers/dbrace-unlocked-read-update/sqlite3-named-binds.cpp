// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// Values bound by the placeholder's name (`sqlite3_bind_parameter_index`),
// in any order, are matched to the placeholders `:id`, `@id`, `$id` of that
// name: they tell rows apart and carry the value read into the write.

#include <sqlite3.h>

// The balance read is written back to the same row: the index of each
// name is looked up, and the values are bound in another order than the
// placeholders are written.
bool pay(sqlite3 *db, int wallet, int amount) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT balance FROM wallets WHERE id = :id", -1, &sel, nullptr);
  sqlite3_bind_int(sel, sqlite3_bind_parameter_index(sel, ":id"), wallet);
  sqlite3_step(sel);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  int balance = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE wallets SET balance = @balance WHERE id = @id", -1, &upd, nullptr);
  const int id = sqlite3_bind_parameter_index(upd, "@id");
  sqlite3_bind_int(upd, id, wallet);
  sqlite3_bind_int(upd, sqlite3_bind_parameter_index(upd, "@balance"), balance - amount);
  sqlite3_step(upd);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-16]]:3: note: the transaction begins here
  sqlite3_finalize(upd);
  return sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}
// CHECK-FIXES: sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);

// Not flagged: the check is on one wallet's balance, the write credits
// another wallet's row, each bound by name.
bool reward(sqlite3 *db, int payer, int payee) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT balance FROM wallets WHERE id = :id", -1, &sel, nullptr);
  sqlite3_bind_int(sel, sqlite3_bind_parameter_index(sel, ":id"), payer);
  sqlite3_step(sel);
  const int balance = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  if (balance < 100)
    return false;
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE wallets SET credit = credit + 1 WHERE id = $id", -1, &upd, nullptr);
  sqlite3_bind_int(upd, sqlite3_bind_parameter_index(upd, "$id"), payee);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  return true;
}
