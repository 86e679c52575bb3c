// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <soci/soci.h>

// A commit of the session after the read in autocommit ends nothing; once
// the transaction begins above the read, it would end it before the write,
// and the update would run unprotected: the fix-it drops it.
bool book_seat(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  sql.commit();
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  soci::transaction tr(sql);
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:21: note: the transaction begins here
  tr.commit();
  return true;
}
// CHECK-FIXES: {{^}}bool book_seat(soci::session &sql, int event_id) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  soci::transaction tr(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (seats <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}    return false;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "UPDATE events

// A rollback on the way to the write, inside a branch, cannot be dropped
// by itself: no fix-it, the note says what to move.
bool book_seat_logged(soci::session &sql, int event_id, bool reset) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read before the transaction that writes it begins
  if (reset)
    sql.rollback();
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  soci::transaction tr(sql);
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:21: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-11]]:3: note: begin the transaction before the read: move 'soci::transaction tr(sql);' above it
  tr.commit();
  return true;
}
// CHECK-FIXES: {{^}}  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (reset){{$}}

// A commit of another session between the read and the begin: the two may
// be one session (both are references), and then the commit would end the
// moved transaction before the write. No fix-it.
bool book_seat_audited(soci::session &sql, soci::session &audit, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read before the transaction that writes it begins
  audit.commit();
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  soci::transaction tr(sql);
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:21: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-10]]:3: note: begin the transaction before the read: move 'soci::transaction tr(sql);' above it
  tr.commit();
  return true;
}
// CHECK-FIXES: {{^}}bool book_seat_audited(soci::session &sql, soci::session &audit, int event_id) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  audit.commit();{{$}}

// A transaction of its own between the read and the begin: begun above
// the read, the booking's transaction would be open around it. No fix-it.
bool book_seat_logged_apart(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read before the transaction that writes it begins
  {
    soci::transaction log(sql);
    sql << "INSERT INTO audit(event_id) VALUES (:id)", soci::use(event_id);
    log.commit();
  }
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  soci::transaction tr(sql);
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:21: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-14]]:3: note: begin the transaction before the read: move 'soci::transaction tr(sql);' above it
  tr.commit();
  return true;
}
// CHECK-FIXES: {{^}}bool book_seat_logged_apart(soci::session &sql, int event_id) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);{{$}}
