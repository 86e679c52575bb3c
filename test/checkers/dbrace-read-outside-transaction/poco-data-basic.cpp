// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

// The check runs before the transaction that writes begins.
void book_seat(Session &session, int event_id) {
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (seats <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  Poco::Data::Transaction tx(session);
  session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:27: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: {{^}}  Poco::Data::Transaction tx(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}  session << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;{{$}}
// CHECK-FIXES: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  session << "UPDATE events

// Not flagged: the read moved into the transaction and locked.
void book_seat_fixed(Session &session, int event_id) {
  Poco::Data::Transaction tx(session);
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;
  if (seats <= 0)
    return;
  session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  tx.commit();
}
