// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/sqlitecpp
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

// The read runs before the transaction that writes begins.

#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

// The fix-it begins the transaction before the read, in IMMEDIATE mode,
// which takes SQLite's write lock at once.
void withdraw(SQLite::Database &db, int account, int amount) {
  int balance = db.execAndGet("SELECT balance FROM accounts WHERE id = " + std::to_string(account));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'accounts' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (balance < amount)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  SQLite::Transaction tx(db);
  db.exec("UPDATE accounts SET balance = balance - " + std::to_string(amount) + " WHERE id = " + std::to_string(account));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:23: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: {{^}}void withdraw(SQLite::Database &db, int account, int amount) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int balance = db.execAndGet(
// CHECK-FIXES: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  db.exec("UPDATE accounts

// BEGIN in SQL text, after the read, with an early return in between: the
// transaction would stay open on that return, so only a note.
void withdraw_sql(SQLite::Database &db, int account, int amount) {
  int balance = db.execAndGet("SELECT balance FROM accounts WHERE id = " + std::to_string(account));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'accounts' is read before the transaction that writes it begins
  if (balance < amount)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  db.exec("BEGIN");
  db.exec("UPDATE accounts SET balance = balance - " + std::to_string(amount) + " WHERE id = " + std::to_string(account));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the transaction begins here
  db.exec("COMMIT");
  // CHECK-NOTES: :[[@LINE-10]]:17: note: begin the transaction before the read: move 'db.exec("BEGIN IMMEDIATE");' above it
}

// ---- Not flagged: the fixed shape ----

void withdraw_fixed(SQLite::Database &db, int account, int amount) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  int balance = db.execAndGet("SELECT balance FROM accounts WHERE id = " + std::to_string(account));
  if (balance < amount)
    return;
  db.exec("UPDATE accounts SET balance = balance - " + std::to_string(amount) + " WHERE id = " + std::to_string(account));
  tx.commit();
}
