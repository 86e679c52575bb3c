// Statements prepared once into members, in the constructor's member
// initialisers' helper or an open() member, and stepped in another member
// function: their SQL is known where they run.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <sqlite3.h>

class Stock {
public:
  explicit Stock(sqlite3 *db) : db_(db) { open(); }

  void open() {
    sqlite3_prepare_v2(db_, "SELECT quantity FROM stock WHERE sku = ?", -1, &select_, nullptr);
    sqlite3_prepare_v2(db_, "UPDATE stock SET quantity = ? WHERE sku = ?", -1, &update_, nullptr);
    sqlite3_prepare_v2(db_, "INSERT INTO stock_log(sku, taken) VALUES (?, ?)", -1, &log_, nullptr);
  }

  bool take(int sku, int n) {
    sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_bind_int(select_, 1, sku);
    int qty = sqlite3_step(select_) == SQLITE_ROW ? sqlite3_column_int(select_, 0) : 0;
    if (qty < n)
      return false;
    sqlite3_bind_int(update_, 1, qty - n);
    sqlite3_bind_int(update_, 2, sku);
    sqlite3_step(update_);
    sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    return true;
  }
  // CHECK-NOTES: :[[@LINE-9]]:15: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-9]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'stock' is updated here
  // CHECK-NOTES: :[[@LINE-14]]:5: note: the transaction begins here
  // CHECK-FIXES: sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);

  // Not flagged: what is read decides only a log row, not the stock row.
  void log_take(int sku, int n) {
    sqlite3_bind_int(select_, 1, sku);
    int qty = sqlite3_step(select_) == SQLITE_ROW ? sqlite3_column_int(select_, 0) : 0;
    if (qty >= n) {
      sqlite3_bind_int(log_, 1, sku);
      sqlite3_bind_int(log_, 2, n);
      sqlite3_step(log_);
    }
  }

private:
  sqlite3 *db_;
  sqlite3_stmt *select_ = nullptr;
  sqlite3_stmt *update_ = nullptr;
  sqlite3_stmt *log_ = nullptr;
};
