// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

// A rollback of the session after the read, with nothing open, ends
// nothing; once the transaction begins above the read it would end it
// before the write: the fix-it drops it.
void book_seat(Session &session, int event_id) {
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  session.rollback();
  if (seats <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  Poco::Data::Transaction tx(session);
  session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:27: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: {{^}}void book_seat(Session &session, int event_id) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Poco::Data::Transaction tx(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}  session << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (seats <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}    return;{{$}}

// A commit of another session: it may be the same one, and then it would
// end the moved transaction before the write. No fix-it.
void book_seat_audited(Session &session, Session &audit, int event_id) {
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read before the transaction that writes it begins
  audit.commit();
  if (seats <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  Poco::Data::Transaction tx(session);
  session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:27: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-10]]:3: note: begin the transaction before the read: move 'Poco::Data::Transaction tx(session);' above it
  tx.commit();
}
// CHECK-FIXES: {{^}}void book_seat_audited(Session &session, Session &audit, int event_id) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  audit.commit();{{$}}
