// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t.real

#include <pqxx/pqxx>

// FOR UPDATE through a nontransaction: each statement commits on its own,
// so the lock is gone before the check. The fix-it makes the nontransaction
// a work, committed where the function ends, so the lock lasts until then.
void book(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  pqxx::row r = n.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  if (r[0].as<int>() > 0)
    n.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
}
// CHECK-FIXES: {{^}}  pqxx::work n(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  pqxx::row r = n.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id);{{$}}
// CHECK-FIXES: {{^}}    n.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);{{$}}
// CHECK-FIXES: {{^}}  n.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// Early returns commit too.
bool pay(pqxx::connection &c, int wallet, int amount) {
  pqxx::nontransaction n(c);
  int balance = n.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", wallet)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'FOR UPDATE' on 'wallets' runs outside a transaction
  if (balance < amount)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  n.exec_params("UPDATE wallets SET balance = balance - $1 WHERE id = $2", amount, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  pqxx::work n(c);{{$}}
// CHECK-FIXES: {{^}}    { n.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  n.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// Refused: the nontransaction goes on to a function that takes nothing
// else, so a work would not compile there. The notes say what to change.
void log_booking(pqxx::nontransaction &n, int event_id);
void book_logged(pqxx::connection &c, int event_id) {
  pqxx::nontransaction logged(c);
  pqxx::row r = logged.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'FOR UPDATE' on 'events' runs outside a transaction
  if (r[0].as<int>() > 0)
    logged.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:17: note: to run the read and the write in one transaction, declare 'logged' as 'pqxx::work' and call 'logged.commit();' on each normal exit
  log_booking(logged, event_id);
  // CHECK-NOTES: :[[@LINE-1]]:15: note: 'logged' is passed here to a parameter of type 'pqxx::nontransaction &', which does not accept a 'pqxx::work'
}
// CHECK-FIXES: {{^}}  pqxx::nontransaction logged(c);{{$}}
// CHECK-FIXES: {{^}}  log_booking(logged, event_id);{{$}}
// CHECK-FIXES-NOT: commit
// CHECK-FIXES: {{^}}}{{$}}

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
