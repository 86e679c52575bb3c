// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t.real

#include <soci/soci.h>

// FOR UPDATE in autocommit: the lock ends with the SELECT. The fix-it opens
// a soci::transaction above the read and commits it on each normal exit.
bool book(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  int seats = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  soci::transaction tx(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);{{$}}
// CHECK-FIXES: {{^}}    { tx.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// ---- Not flagged ----

// The same in a soci::transaction.
bool book_in_transaction(soci::session &sql, int event_id) {
  soci::transaction tr(sql);
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);
  if (seats <= 0)
    return false;
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  tr.commit();
  return true;
}
