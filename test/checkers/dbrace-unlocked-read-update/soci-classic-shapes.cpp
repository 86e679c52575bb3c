// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// The classic shapes of a lost update in SOCI: statements on the session
// with no transaction, and a soci::transaction whose read takes no lock.

#include <soci/soci.h>

// No transaction: the fix-it opens one on the session before the read,
// commits it on each normal exit, and locks the read.
bool book(soci::session &sql) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = 7", soci::into(seats);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7";
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  int seats = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  soci::transaction tx(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT available_seats FROM events WHERE id = 7 FOR UPDATE", soci::into(seats);
// CHECK-FIXES: {{^}}    { tx.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// A transaction without a lock.
void pay(soci::session &sql, int amount) {
  soci::transaction tr(sql);
  int balance = 0;
  sql << "SELECT balance FROM wallets WHERE id = 3", soci::into(balance);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (balance >= amount)
    sql << "UPDATE wallets SET balance = balance - 10 WHERE id = 3";
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:21: note: the transaction begins here
  tr.commit();
}
// CHECK-FIXES: sql << "SELECT balance FROM wallets WHERE id = 3 FOR UPDATE", soci::into(balance);

// The read sits in a loop that `break`s out of the block: the note says
// what to write.
void drain(soci::session &sql) {
  for (;;) {
    int stock = 0;
    sql << "SELECT stock FROM products WHERE id = 5", soci::into(stock);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'products' is read without a transaction or lock
    if (stock == 0)
      break;
    // CHECK-NOTES: :[[@LINE-2]]:9: note: the value read is checked here
    sql << "UPDATE products SET stock = stock - 1 WHERE id = 5";
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'products' is updated here
    // CHECK-NOTES: :[[@LINE-7]]:5: note: to run the read and the write in one transaction, write 'soci::transaction tx(sql);' before the read and 'tx.commit();' on each normal exit after the write
  }
}

// ---- Not flagged: the fixed shapes ----

bool book_fixed(soci::session &sql) {
  soci::transaction tr(sql);
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = 7 FOR UPDATE", soci::into(seats);
  if (seats <= 0)
    return false;
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = 7";
  tr.commit();
  return true;
}
