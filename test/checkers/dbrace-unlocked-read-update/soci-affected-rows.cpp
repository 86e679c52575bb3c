// A conditional UPDATE whose row count is read through the library's
// affected-rows accessor (an `affected_rows` rule) checks for itself.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <soci/soci.h>

// A read that guards the same conditional update, its affected rows read
// through statement::get_affected_rows(): the write checks for itself.
bool book_checked_twice(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  if (seats <= 0)
    return false;
  soci::statement st = (sql.prepare << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id AND available_seats > 0", soci::use(event_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

// The same update with its affected rows ignored: the check above it decides.
bool book_unchecked(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  soci::statement st = (sql.prepare << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id AND available_seats > 0", soci::use(event_id));
  st.execute(true);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:3: note: to run the read and the write in one transaction, write 'soci::transaction tx(...);' before the read and 'tx.commit();' on each normal exit after the write
  return true;
}

// The same update through the session: the value of `sql << ...` (followed
// by its bound values) is no row count, and none is read after it.
bool book_through_session(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id AND available_seats > 0", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  soci::transaction tx(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);{{$}}
// CHECK-FIXES: {{^}}    { tx.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}
