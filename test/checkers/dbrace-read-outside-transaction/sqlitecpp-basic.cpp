// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/sqlitecpp
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

// The check runs before the transaction that writes begins: even an
// immediate transaction locks too late.
bool book_seat(SQLite::Database &db, int event_id) {
  SQLite::Statement query(db, "SELECT available_seats FROM events WHERE id = ?");
  query.bind(1, event_id);
  bool found = query.executeStep();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (!found || query.getColumn(0).getInt() <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:23: note: the transaction begins here
  tx.commit();
  return true;
}
// The fix-it begins the transaction before the statement runs.
// CHECK-FIXES: {{^}}  query.bind(1, event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);{{$}}
// CHECK-FIXES-NEXT: {{^}}  bool found = query.executeStep();{{$}}
// CHECK-FIXES: {{^}}    return false;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  db.exec("UPDATE events

// Read in one transaction, written in the next.
void pay_split(SQLite::Database &db, int wallet, int amount) {
  int balance = 0;
  {
    SQLite::Transaction read(db);
    balance = db.execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'wallets' is read in an earlier transaction than the one that writes it; a concurrent request can change it in between [dbrace-read-outside-transaction]
    read.commit();
  }
  SQLite::Transaction write(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec("UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-4]]:23: note: the transaction begins here
  write.commit();
}

// ---- Not flagged ----

// The read inside the immediate transaction.
bool book_seat_fixed(SQLite::Database &db, int event_id) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement query(db, "SELECT available_seats FROM events WHERE id = ?");
  query.bind(1, event_id);
  if (!query.executeStep() || query.getColumn(0).getInt() <= 0)
    return false;
  db.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
  tx.commit();
  return true;
}
