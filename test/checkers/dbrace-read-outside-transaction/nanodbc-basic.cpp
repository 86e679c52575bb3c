// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/nanodbc

#include <nanodbc/nanodbc.h>

// The check runs before the transaction that writes begins.
void book_seat(nanodbc::connection &conn, int event_id) {
  nanodbc::statement select(conn, "SELECT available_seats FROM events WHERE id = ?");
  select.bind(0, &event_id);
  nanodbc::result r = select.execute();
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (!r.next() || r.get<int>(0) <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  nanodbc::transaction tx(conn);
  nanodbc::statement update(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.bind(0, &event_id);
  update.just_execute();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-5]]:24: note: the transaction begins here
  tx.commit();
}
// The fix-it begins the transaction before the statement runs (the
// prepare may stay outside) and locks the read.
// CHECK-FIXES: {{^}}  nanodbc::statement select(conn, "SELECT available_seats FROM events WHERE id = ? FOR UPDATE");{{$}}
// CHECK-FIXES-NEXT: {{^}}  select.bind(0, &event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  nanodbc::transaction tx(conn);{{$}}
// CHECK-FIXES-NEXT: {{^}}  nanodbc::result r = select.execute();{{$}}
// CHECK-FIXES: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  nanodbc::statement update(conn,

// Not flagged: the locked read inside the transaction.
void book_seat_fixed(nanodbc::connection &conn, int event_id) {
  nanodbc::transaction tx(conn);
  nanodbc::statement select(conn, "SELECT available_seats FROM events WHERE id = ? FOR UPDATE");
  select.bind(0, &event_id);
  nanodbc::result r = select.execute();
  if (!r.next() || r.get<int>(0) <= 0)
    return;
  nanodbc::statement update(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.bind(0, &event_id);
  update.just_execute();
  tx.commit();
}
