// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// Without <Poco/Data/Transaction.h>: the fix-it that opens a
// Poco::Data::Transaction includes its header.

#include <Poco/Data/Extraction.h>
#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

// CHECK-FIXES: {{^}}#include <Poco/Data/Session.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <Poco/Data/Transaction.h>{{$}}

bool book(Poco::Data::Session &session, int event_id) {
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
// CHECK-FIXES: {{^}}  Poco::Data::Transaction tx(session);{{$}}
