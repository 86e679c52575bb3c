// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlitecpp
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

// The booking in autocommit: the statement is prepared by its constructor,
// run by executeStep(), read back through the object. The statements are
// not run on the connection itself, so the note says what to write.
bool book_ticket(SQLite::Database &db, int event_id) {
  SQLite::Statement query(db, "SELECT available_seats FROM events WHERE id = ?");
  query.bind(1, event_id);
  if (!query.executeStep())
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
    return false;
  int seats = query.getColumn(0);
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  SQLite::Statement update(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.bind(1, event_id);
  update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:8: note: to run the read and the write in one transaction, write 'SQLite::Transaction tx(..., SQLite::TransactionBehavior::IMMEDIATE);' before the read and 'tx.commit();' on each normal exit after the write
  return true;
}

// Read-modify-write in a default (DEFERRED) transaction: the fix-it asks
// for an immediate one.
void pay(SQLite::Database &db, int wallet, int amount) {
  SQLite::Transaction tx(db);
  int balance = db.execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  SQLite::Statement update(db, "UPDATE wallets SET balance = ? WHERE id = ?");
  update.bind(1, balance - amount);
  update.bind(2, wallet);
  update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-9]]:23: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);

// A transaction begun with SQL text through Database::exec, an early return.
bool redeem_coupon(SQLite::Database &db, const std::string &code) {
  db.exec("BEGIN");
  SQLite::Statement coupon(db, "SELECT used FROM coupons WHERE code = :code");
  coupon.bind(":code", code);
  coupon.executeStep();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'coupons' is read without a lock
  if (coupon.getColumn(0).getInt() != 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: the value read is checked here
    db.exec("ROLLBACK");
    return false;
  }
  SQLite::Statement use(db, "UPDATE coupons SET used = 1 WHERE code = :code");
  use.bind(":code", code);
  use.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'coupons' is updated here
  // CHECK-NOTES: :[[@LINE-14]]:3: note: the transaction begins here
  db.exec("COMMIT");
  return true;
}
// CHECK-FIXES: db.exec("BEGIN IMMEDIATE");

// A loop over the rows, a flag, the SQL in a std::string.
void restock(SQLite::Database &db, int product) {
  SQLite::Transaction tx(db);
  const std::string sql = "SELECT stock FROM products WHERE id = ?";
  SQLite::Statement query(db, sql);
  query.bind(1, product);
  bool low = false;
  while (query.executeStep())
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'products' is read without a lock
    low = query.getColumn("stock").getInt() < 5;
  if (low)
    db.exec("UPDATE products SET stock = stock + 100 WHERE id = " + std::to_string(product));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-12]]:23: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
// CHECK-FIXES-NEXT: const std::string sql = "SELECT stock FROM products WHERE id = ?";

// ---- Not flagged ----

// The immediate transaction takes the write lock before the read.
bool book_immediate(SQLite::Database &db, int event_id) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement query(db, "SELECT available_seats FROM events WHERE id = ?");
  query.bind(1, event_id);
  if (!query.executeStep() || query.getColumn(0).getInt() <= 0)
    return false;
  SQLite::Statement update(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.bind(1, event_id);
  update.exec();
  tx.commit();
  return true;
}

// EXCLUSIVE, and BEGIN IMMEDIATE in SQL text.
void pay_exclusive(SQLite::Database &db, int wallet, int amount) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::EXCLUSIVE);
  int balance = db.execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
  db.exec("UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = " + std::to_string(wallet));
  tx.commit();
}
void pay_begin_immediate(SQLite::Database &db, int wallet, int amount) {
  db.exec("BEGIN IMMEDIATE");
  int balance = db.execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
  db.exec("UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = " + std::to_string(wallet));
  db.exec("COMMIT");
}

// The atomic conditional update: Database::exec returns the rows changed.
bool book_atomic(SQLite::Database &db, int event_id) {
  return db.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id) + " AND available_seats > 0") == 1;
}

// A read that guards the same conditional update, Statement::exec's count
// checked: the write checks for itself.
bool book_checked_twice(SQLite::Database &db, int event_id) {
  SQLite::Statement query(db, "SELECT available_seats FROM events WHERE id = ?");
  query.bind(1, event_id);
  if (!query.executeStep() || query.getColumn(0).getInt() <= 0)
    return false;
  SQLite::Statement update(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0");
  update.bind(1, event_id);
  return update.exec() == 1;
}

// A read whose value guards nothing: it is only shown.
int show_seats(SQLite::Database &db, int event_id) {
  SQLite::Statement query(db, "SELECT available_seats FROM events WHERE id = ?");
  query.bind(1, event_id);
  int seats = query.executeStep() ? query.getColumn(0).getInt() : -1;
  SQLite::Statement views(db, "UPDATE events SET views = views + 1 WHERE id = ?");
  views.bind(1, event_id);
  views.exec();
  return seats;
}

// A read of one table guarding a write of an unrelated one.
void log_if_sold_out(SQLite::Database &db, int event_id) {
  SQLite::Statement query(db, "SELECT available_seats FROM events WHERE id = ?");
  query.bind(1, event_id);
  if (query.executeStep() && query.getColumn(0).getInt() == 0)
    db.exec("UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1");
}

// Different rows of the same table.
void feature_other(SQLite::Database &db) {
  int price = db.execAndGet("SELECT price FROM products WHERE id = 1");
  if (price > 0)
    db.exec("UPDATE products SET featured = 1 WHERE id = 2");
}
