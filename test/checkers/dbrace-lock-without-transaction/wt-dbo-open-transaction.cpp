// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/wt

#include <Wt/Dbo/Dbo.h>

// FOR UPDATE with no transaction: the lock ends with the SELECT. The fix-it
// opens a Wt::Dbo::Transaction above the read; its destructor commits at the
// end of the block (commit_on_destroy), so nothing is added on the exits.
bool book(Wt::Dbo::Session &session, long long eventId) {
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ? FOR UPDATE").bind(eventId);
  if (seats <= 0)
    return false;
  session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
  return true;
}
// CHECK-NOTES: :[[@LINE-6]]:15: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'events' is updated here
// CHECK-FIXES: {{^}}bool book(Wt::Dbo::Session &session, long long eventId) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Wt::Dbo::Transaction tx(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ? FOR UPDATE").bind(eventId);{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (seats <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}    return false;{{$}}
// CHECK-FIXES-NEXT: {{^}}  session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// ---- Not flagged ----

// The same in a transaction.
bool book_in_transaction(Wt::Dbo::Session &session, long long eventId) {
  Wt::Dbo::Transaction t(session);
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ? FOR UPDATE").bind(eventId);
  if (seats <= 0)
    return false;
  session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
  return true;
}
