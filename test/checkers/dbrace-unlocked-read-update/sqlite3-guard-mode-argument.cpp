// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// The code base's own transaction helpers that begin one way or another by
// an argument: a call with a constant argument runs only the branch its
// value takes.

#include <sqlite3.h>

enum class Mode { Deferred, Immediate };

class Transaction {
public:
  Transaction(sqlite3 *db, Mode mode) : db_(db) {
    if (mode == Mode::Immediate)
      sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    else
      sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr);
  }
  ~Transaction() { sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr); }

private:
  sqlite3 *db_;
};

static void begin(sqlite3 *db, bool for_write) {
  if (!for_write) {
    sqlite3_exec(db, "BEGIN DEFERRED", nullptr, nullptr, nullptr);
    return;
  }
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
}

static void end(sqlite3 *db) { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }

static int stock_of(sqlite3 *db, int item) {
  sqlite3_stmt *s = nullptr;
  sqlite3_prepare_v2(db, "SELECT stock FROM items WHERE id = ?", -1, &s, nullptr);
  sqlite3_bind_int(s, 1, item);
  int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
  sqlite3_finalize(s);
  return n;
}

static void take(sqlite3 *db, int item, int qty) {
  sqlite3_stmt *u = nullptr;
  sqlite3_prepare_v2(db, "UPDATE items SET stock = stock - ? WHERE id = ?", -1, &u, nullptr);
  sqlite3_bind_int(u, 1, qty);
  sqlite3_bind_int(u, 2, item);
  sqlite3_step(u);
  sqlite3_finalize(u);
}

// ---- Flagged ----

// The guard's deferred mode takes no lock until the first write.
bool sell_deferred(sqlite3 *db, int item, int qty) {
  Transaction tx(db, Mode::Deferred);
  int stock = stock_of(db, item);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'items' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (stock < qty)
    return false;
  take(db, item, qty);
  return true;
}

bool restock_check(sqlite3 *db, int item, int qty) {
  begin(db, false);
  int stock = stock_of(db, item);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'items' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (stock >= qty)
    take(db, item, qty);
  end(db);
  return stock >= qty;
}

// ---- Not flagged ----

// The immediate mode holds the write lock from the BEGIN on.
bool sell(sqlite3 *db, int item, int qty) {
  Transaction tx(db, Mode::Immediate);
  int stock = stock_of(db, item);
  if (stock < qty)
    return false;
  take(db, item, qty);
  return true;
}

bool sell_locked(sqlite3 *db, int item, int qty) {
  begin(db, true);
  int stock = stock_of(db, item);
  if (stock >= qty)
    take(db, item, qty);
  end(db);
  return stock >= qty;
}
