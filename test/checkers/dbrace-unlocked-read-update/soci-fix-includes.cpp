// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// Without <soci/soci.h> or <soci/transaction.h>: the fix-it that opens a
// soci::transaction includes its header.

#include <soci/into.h>
#include <soci/session.h>
#include <soci/use.h>

// CHECK-FIXES: {{^}}#include <soci/session.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <soci/transaction.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <soci/use.h>{{$}}

bool book(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  soci::transaction tx(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);{{$}}
