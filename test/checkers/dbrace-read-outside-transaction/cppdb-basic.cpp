// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/cppdb
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <cppdb/frontend.h>

// The check runs before the guard begins the transaction that writes.
void book_seat(cppdb::session &sql, int event_id) {
  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ?" << event_id << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (r.empty() || r.get<int>(0) <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  cppdb::transaction guard(sql);
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?" << event_id << cppdb::exec;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:22: note: the transaction begins here
  guard.commit();
}
// CHECK-FIXES: {{^}}  cppdb::transaction guard(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE" << event_id << cppdb::row;{{$}}
// CHECK-FIXES: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "UPDATE events

// Not flagged: the same with the read locked inside the transaction.
void book_seat_fixed(cppdb::session &sql, int event_id) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE" << event_id << cppdb::row;
  if (r.empty() || r.get<int>(0) <= 0)
    return;
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?" << event_id << cppdb::exec;
  guard.commit();
}
