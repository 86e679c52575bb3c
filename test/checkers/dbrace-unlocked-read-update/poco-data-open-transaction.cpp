// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// No transaction at all in POCO Data: the fix-it opens a
// Poco::Data::Transaction on the session above the read, commits it on
// each normal exit, and locks the read. The Transaction object is used
// rather than session.begin(): its destructor rolls back when an exception
// leaves before the commit, where a bare begin() would leave the session
// in an open transaction.

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <string>

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using Poco::Data::Statement;

bool book(Session &session, int event_id) {
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  int seats = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Poco::Data::Transaction tx(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}  session << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;{{$}}
// CHECK-FIXES: {{^}}    { tx.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// A statement object run later: its session is where it was made.
void top_up(Session &session, int wallet, int amount) {
  int balance = 0;
  Statement select = (session << "SELECT balance FROM wallets WHERE id = ?", into(balance), use(wallet));
  select.execute();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read without a transaction or lock
  int updated = balance + amount;
  session << "UPDATE wallets SET balance = ? WHERE id = ?", use(updated), use(wallet), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
}
// CHECK-FIXES: {{^}}  Statement select = (session << "SELECT balance FROM wallets WHERE id = ? FOR UPDATE", into(balance), use(wallet));{{$}}
// CHECK-FIXES-NEXT: {{^}}  Poco::Data::Transaction tx(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}  select.execute();{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
