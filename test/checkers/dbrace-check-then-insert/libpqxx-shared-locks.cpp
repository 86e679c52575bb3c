// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real

#include <pqxx/pqxx>

// A shared lock on the parent row: two bookings both hold it, both count
// and both insert (an insert only takes FOR KEY SHARE on the parent).
void book_parent_shared(pqxx::work &w, int event_id, int capacity) {
  w.exec_params("SELECT id FROM events WHERE id = $1 FOR SHARE", event_id);
  int booked = w.exec_params1("SELECT count(*) FROM bookings WHERE event_id = $1", event_id)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: check of 'bookings' decides an insert into it
  if (booked < capacity)
    w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'bookings' is inserted into here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a unique constraint
}

// SHARE mode does not conflict with itself: both requests take it and
// count, then each insert waits for the other's lock.
void book_table_shared(pqxx::work &w, int event_id, int capacity) {
  w.exec("LOCK TABLE bookings IN SHARE MODE");
  int booked = w.exec_params1("SELECT count(*) FROM bookings WHERE event_id = $1", event_id)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: check of 'bookings' decides an insert into it
  if (booked < capacity)
    w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'bookings' is inserted into here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a unique constraint
}

// A shared advisory lock is held by every request at once.
void book_advisory_shared(pqxx::work &w, int event_id, int capacity) {
  w.exec_params("SELECT pg_advisory_xact_lock_shared($1)", event_id);
  int booked = w.exec_params1("SELECT count(*) FROM bookings WHERE event_id = $1", event_id)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: check of 'bookings' decides an insert into it
  if (booked < capacity)
    w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'bookings' is inserted into here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a unique constraint
}

// ---- Not flagged ----

// FOR NO KEY UPDATE on the parent conflicts with itself: bookings queue up.
void book_parent_no_key(pqxx::work &w, int event_id, int capacity) {
  w.exec_params("SELECT id FROM events WHERE id = $1 FOR NO KEY UPDATE", event_id);
  int booked = w.exec_params1("SELECT count(*) FROM bookings WHERE event_id = $1", event_id)[0].as<int>();
  if (booked < capacity)
    w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
}

// The parent row locked inside a CTE.
void book_parent_cte(pqxx::work &w, int event_id, int capacity) {
  w.exec_params("WITH p AS (SELECT id FROM events WHERE id = $1 FOR UPDATE) SELECT id FROM p", event_id);
  int booked = w.exec_params1("SELECT count(*) FROM bookings WHERE event_id = $1", event_id)[0].as<int>();
  if (booked < capacity)
    w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
}
