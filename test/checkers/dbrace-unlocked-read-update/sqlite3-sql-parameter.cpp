// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <sqlite3.h>
#include <string>

// Helpers that take the SQL text: each call runs the SQL it passes, with
// the placeholders bound from the helper's other parameters.
static void exec_sql(sqlite3 *db, const std::string &sql) {
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

static int query_int(sqlite3 *db, const char *sql, int key) {
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  sqlite3_bind_int(st, 1, key);
  int v = 0;
  if (sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return v;
}

static int run_update(sqlite3 *db, const char *sql, int a, int b) {
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  sqlite3_bind_int(st, 1, a);
  sqlite3_bind_int(st, 2, b);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return sqlite3_changes(db);
}

// A lost update through the helpers in a deferred transaction; the fix-it
// makes the caller's BEGIN immediate.
void withdraw(sqlite3 *db, int wallet, int amount) {
  exec_sql(db, "BEGIN");
  int balance = query_int(db, "SELECT balance FROM wallets WHERE id = ?", wallet);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :18:7: note: the value is read here, in 'query_int'
  if (balance < amount) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: the value read is checked here
    exec_sql(db, "ROLLBACK");
    return;
  }
  run_update(db, "UPDATE wallets SET balance = ? WHERE id = ?", balance - amount, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated by this call
  // CHECK-NOTES: :29:3: note: 'wallets' is updated here, in 'run_update'
  // CHECK-NOTES: :[[@LINE-12]]:3: note: the transaction begins here
  exec_sql(db, "COMMIT");
}
// CHECK-FIXES: exec_sql(db, "BEGIN IMMEDIATE");

// Not flagged: the conditional UPDATE's changed rows, returned by the
// helper, are checked.
bool withdraw_atomic(sqlite3 *db, int wallet, int amount) {
  int balance = query_int(db, "SELECT balance FROM wallets WHERE id = ?", wallet);
  if (balance < amount)
    return false;
  return run_update(db, "UPDATE wallets SET balance = balance - ?1 WHERE id = ?2 AND balance >= ?1", amount, wallet) == 1;
}

// Not flagged: the sponsor's row is read, the member's row written.
void grant(sqlite3 *db, int sponsor, int member) {
  int bonus = query_int(db, "SELECT bonus FROM wallets WHERE id = ?", sponsor);
  if (bonus > 0)
    run_update(db, "UPDATE wallets SET balance = balance + ?1 WHERE id = ?2", bonus, member);
}

// A statement kept in a member, prepared in the constructor.
class Stock {
public:
  explicit Stock(sqlite3 *db) {
    sqlite3_prepare_v2(db, "SELECT quantity FROM stock WHERE sku = ?", -1, &select_, nullptr);
    sqlite3_prepare_v2(db, "UPDATE stock SET quantity = ? WHERE sku = ?", -1, &update_, nullptr);
  }

  bool take(int sku, int n) {
    sqlite3_reset(select_);
    sqlite3_bind_int(select_, 1, sku);
    int qty = sqlite3_step(select_) == SQLITE_ROW ? sqlite3_column_int(select_, 0) : 0;
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'stock' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
    if (qty < n)
      return false;
    // CHECK-NOTES: :[[@LINE-2]]:9: note: the value read is checked here
    sqlite3_reset(update_);
    sqlite3_bind_int(update_, 1, qty - n);
    sqlite3_bind_int(update_, 2, sku);
    sqlite3_step(update_);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'stock' is updated here
    // CHECK-NOTES: :[[@LINE-10]]:15: note: to run the read and the write in one transaction, write 'sqlite3_exec(..., "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);' before the read and 'sqlite3_exec(..., "COMMIT", nullptr, nullptr, nullptr);' on each normal exit after the write
    return true;
  }

private:
  sqlite3_stmt *select_ = nullptr;
  sqlite3_stmt *update_ = nullptr;
};
