// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <soci/soci.h>

// The check runs before the transaction that writes begins.
bool book_seat(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  soci::transaction tr(sql);
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:21: note: the transaction begins here
  sql << "INSERT INTO bookings(event_id) VALUES (:id)", soci::use(event_id);
  tr.commit();
  return true;
}
// CHECK-FIXES: {{^}}  soci::transaction tr(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);{{$}}
// CHECK-FIXES: {{^}}    return false;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "UPDATE events

// Locked, but in an earlier transaction than the write: the lock is gone.
void close_course(soci::session &sql) {
  int free_places = 0;
  sql.begin();
  sql << "SELECT free_places FROM courses WHERE code = 'CS101' FOR UPDATE", soci::into(free_places);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'courses' is read and locked in an earlier transaction than the one that writes it; the lock is gone by the write [dbrace-read-outside-transaction]
  sql.commit();
  if (free_places == 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: the value read is checked here
    sql.begin();
    sql << "UPDATE courses SET open = false WHERE code = 'CS101'";
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'courses' is updated here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the transaction begins here
    sql.commit();
  }
}

// ---- Not flagged ----

// The read inside the transaction, locked.
bool book_seat_fixed(soci::session &sql, int event_id) {
  soci::transaction tr(sql);
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);
  if (seats <= 0)
    return false;
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  tr.commit();
  return true;
}
