// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/nanodbc

#include <nanodbc/nanodbc.h>

// FOR UPDATE in ODBC's autocommit: the lock ends with the SELECT.
void book_seat(nanodbc::connection &conn, int event_id) {
  nanodbc::statement select(conn, "SELECT available_seats FROM events WHERE id = ? FOR UPDATE");
  select.bind(0, &event_id);
  nanodbc::result r = nanodbc::execute(select);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  if (r.next() && r.get<int>(0) > 0) {
    nanodbc::statement update(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
    update.bind(0, &event_id);
    update.just_execute();
  }
  // CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: 'events' is updated here
}

// Not flagged: the same inside a nanodbc::transaction.
void book_seat_in_transaction(nanodbc::connection &conn, int event_id) {
  nanodbc::transaction tx(conn);
  nanodbc::statement select(conn, "SELECT available_seats FROM events WHERE id = ? FOR UPDATE");
  select.bind(0, &event_id);
  nanodbc::result r = nanodbc::execute(select);
  if (r.next() && r.get<int>(0) > 0) {
    nanodbc::statement update(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
    update.bind(0, &event_id);
    update.just_execute();
  }
  tx.commit();
}
