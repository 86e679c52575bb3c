// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlitecpp
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// The file includes neither <SQLiteCpp/Transaction.h> nor the umbrella
// header: the fix-it that opens an SQLite::Transaction also includes its
// header, once, however many fix-its need it.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <string>

// CHECK-FIXES: {{^}}#include <SQLiteCpp/Database.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <SQLiteCpp/Statement.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <SQLiteCpp/Transaction.h>{{$}}
// CHECK-FIXES-NOT: #include <SQLiteCpp/Transaction.h>

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

void pay(SQLite::Database &db, int wallet, int amount) {
  int balance = db.execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a transaction or lock
  db.exec("UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
}
// CHECK-FIXES: {{^}}  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int balance = db.execAndGet(
