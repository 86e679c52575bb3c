// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/wt

// No transaction at all: the fix-it opens `Wt::Dbo::Transaction tx(session);`
// above the read and locks the read. The Transaction's destructor commits
// (commit_on_destroy in rules/wt-dbo.yaml), so the end of the block is the
// commit: nothing is added on the exits, not even where a call could not be
// placed.

#include <Wt/Dbo/Dbo.h>
#include <vector>

bool book_seat(Wt::Dbo::Session &session, long long eventId) {
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ?").bind(eventId);
  if (seats <= 0)
    return false;
  session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
  return true;
}
// CHECK-NOTES: :[[@LINE-6]]:15: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'events' is updated here
// CHECK-FIXES: {{^}}bool book_seat(Wt::Dbo::Session &session, long long eventId) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Wt::Dbo::Transaction tx(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ? FOR UPDATE").bind(eventId);{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (seats <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}    return false;{{$}}
// CHECK-FIXES-NEXT: {{^}}  session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// Each pass of the loop is one transaction: the destructor commits at
// `continue` and at the end of the body; a call on each exit could not be
// placed before `continue` leaves the block.
void restock_all(Wt::Dbo::Session &session, const std::vector<long long> &ids) {
  for (long long id : ids) {
    int stock = session.query<int>("SELECT stock FROM products WHERE id = ?").bind(id);
    if (stock >= 5)
      continue;
    session.execute("UPDATE products SET stock = stock + 100 WHERE id = ?").bind(id);
  }
}
// CHECK-NOTES: :[[@LINE-6]]:17: warning: 'products' is read without a transaction or lock
// CHECK-NOTES: :[[@LINE-6]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'products' is updated here
// CHECK-FIXES: {{^}}  for (long long id : ids) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    Wt::Dbo::Transaction tx(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}    int stock = session.query<int>("SELECT stock FROM products WHERE id = ? FOR UPDATE").bind(id);{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (stock >= 5){{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    session.execute("UPDATE products SET stock = stock + 100 WHERE id = ?").bind(id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}
