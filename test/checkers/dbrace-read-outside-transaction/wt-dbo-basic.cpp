// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/wt

#include <Wt/Dbo/Dbo.h>

namespace dbo = Wt::Dbo;

// The check runs before the transaction that writes begins.
void book_seat(dbo::Session &session, long long eventId) {
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ?").bind(eventId);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (seats <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  dbo::Transaction t(session);
  session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:20: note: the transaction begins here
}
// CHECK-FIXES: {{^}}  dbo::Transaction t(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ? FOR UPDATE").bind(eventId);{{$}}
// CHECK-FIXES: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  session.execute("UPDATE events

// Not flagged: read (locked) and write in the one transaction, which the
// destructor commits.
void book_seat_fixed(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ? FOR UPDATE").bind(eventId);
  if (seats <= 0)
    return;
  session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
}
