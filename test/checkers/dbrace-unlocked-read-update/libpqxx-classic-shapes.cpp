// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// The classic shapes of a lost update in libpqxx: no transaction at all, and
// a transaction whose read takes no lock. Each fix-it makes the next request
// wait at the read until this one commits.

#include <pqxx/pqxx>

// No transaction: every statement of the nontransaction commits on its own.
// The fix-it turns it into a work, committed on each normal exit.
bool book(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  int seats = n.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  n.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  pqxx::work n(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = n.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id)[0].as<int>();
// CHECK-FIXES: {{^}}    { n.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  n.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// A void function that falls off its end commits there.
void top_up(pqxx::connection &c, int wallet, int amount) {
  pqxx::nontransaction n(c);
  pqxx::row r = n.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a transaction or lock
  n.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", r[0].as<int>() + amount, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
}
// CHECK-FIXES: {{^}}  pqxx::work n(c);{{$}}
// CHECK-FIXES: {{^}}  n.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// A transaction without a lock: both requests read the same balance, and
// the second write overwrites the first (a lost update).
void pay(pqxx::connection &c, int wallet, int amount) {
  pqxx::work w(c);
  int balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  w.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", balance - amount, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:14: note: the transaction begins here
  w.commit();
}
// CHECK-FIXES: int balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", wallet)[0].as<int>();

// The nontransaction is used after the function would commit it: the
// shape does not allow the fix-it, the note says what to write.
pqxx::result book_and_list(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  int seats = n.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'events' is read without a transaction or lock
  if (seats > 0)
    n.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:15: note: to run the read and the write in one transaction, declare 'n' as 'pqxx::work' and call 'n.commit();' on each normal exit
  return n.exec("SELECT id FROM events");
}

// ---- Not flagged: the fixed shapes ----

bool book_fixed(pqxx::connection &c, int event_id) {
  pqxx::work w(c);
  int seats = w.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id)[0].as<int>();
  if (seats <= 0)
    return false;
  w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  w.commit();
  return true;
}

// The write checks for itself and its affected rows are looked at.
bool book_conditional(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  pqxx::result r = n.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1 AND available_seats > 0", event_id);
  return r.affected_rows() == 1;
}
