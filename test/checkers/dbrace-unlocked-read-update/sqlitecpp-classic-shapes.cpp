// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlitecpp
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// The classic shapes of a lost update in SQLiteCpp. SQLite has no row
// locks: the fix is a transaction that takes the write lock at its begin
// (IMMEDIATE), so that the second request waits before its read.

#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

// No transaction: the fix-it opens an immediate one before the read and
// commits it on each normal exit.
bool book(SQLite::Database &db, int event_id) {
  int seats = db.execAndGet("SELECT available_seats FROM events WHERE id = " + std::to_string(event_id));
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  db.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = db.execAndGet(
// CHECK-FIXES: {{^}}    { tx.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// A transaction in the default (DEFERRED) mode: it takes no lock until the
// first write, so both requests read the same balance.
void pay(SQLite::Database &db, int wallet, int amount) {
  SQLite::Transaction tx(db);
  int balance = db.execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  db.exec("UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:23: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: {{^}}  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);{{$}}

// The connection is reached through a pointer: the note says what to write.
void pay_via(SQLite::Database *db, int wallet, int amount) {
  int balance = db->execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a transaction or lock
  db->exec("UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-5]]:17: note: to run the read and the write in one transaction, write 'SQLite::Transaction tx(..., SQLite::TransactionBehavior::IMMEDIATE);' before the read and 'tx.commit();' on each normal exit after the write
}

// ---- Not flagged: the fixed shapes ----

bool book_fixed(SQLite::Database &db, int event_id) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  int seats = db.execAndGet("SELECT available_seats FROM events WHERE id = " + std::to_string(event_id));
  if (seats <= 0)
    return false;
  db.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
  tx.commit();
  return true;
}

bool book_conditional(SQLite::Database &db, int event_id) {
  return db.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id) + " AND available_seats > 0") == 1;
}
