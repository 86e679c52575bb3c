// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t.real

#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

// FOR UPDATE in autocommit: the lock ends with the SELECT.
void book_seat(Session &session, int event_id) {
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  if (seats > 0)
    session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
}
// The fix-it opens a Poco::Data::Transaction above the read and commits it
// where the function ends.
// CHECK-FIXES: {{^}}  int seats = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Poco::Data::Transaction tx(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}  session << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// Not flagged: the same inside a Poco::Data::Transaction.
void book_seat_in_transaction(Session &session, int event_id) {
  Poco::Data::Transaction tx(session);
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;
  if (seats > 0)
    session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  tx.commit();
}
