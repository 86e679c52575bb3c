// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t.real

#include <pqxx/pqxx>

// FOR UPDATE through a nontransaction: each statement commits on its own,
// so the lock is gone before the check.
void book(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  pqxx::row r = n.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  if (r[0].as<int>() > 0)
    n.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
}

// A locking read in autocommit is useless even when nothing follows here.
int peek(pqxx::connection &c, int job) {
  pqxx::nontransaction n(c);
  return n.exec_params1("SELECT state FROM jobs WHERE id = $1 FOR SHARE", job)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'FOR SHARE' on 'jobs' runs outside a transaction
}

// ---- Not flagged ----

void book_in_transaction(pqxx::connection &c, int event_id) {
  pqxx::work w(c);
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id);
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  w.commit();
}

// Given a transaction by the caller.
int locked_seats(pqxx::work &w, int event_id) {
  return w.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id)[0].as<int>();
}
