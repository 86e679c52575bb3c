// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// The open-transaction fix-it retypes the nontransaction as a work. It does
// so only where every use of the handle still compiles with the new type: a
// member call of a base both share, or an argument to a parameter that takes
// a work (a reference or pointer to a base, or a template's deduced type).
// Where the handle goes to a parameter of type 'pqxx::nontransaction &', the
// fixed file would not compile: no fix-it, a note at the read says what to
// write and a note at the use says what else must change.

#include <pqxx/pqxx>

void audit_autocommit(pqxx::nontransaction &n, int event_id);
void audit_readonly(const pqxx::nontransaction &n, int event_id);
void audit_pointer(pqxx::nontransaction *n, int event_id);
void audit_any(pqxx::transaction_base &t, int event_id);
void audit_any_pointer(pqxx::transaction_base *t, int event_id);
template <typename Transaction> void audit_generic(Transaction &t, int event_id) {}

// ---- Refused: the fixed file would not compile ----

bool book_audited(pqxx::connection &c, int event_id) {
  pqxx::nontransaction audited(c);
  int seats = audited.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  audited.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:15: note: to run the read and the write in one transaction, declare 'audited' as 'pqxx::work' and call 'audited.commit();' on each normal exit
  audit_autocommit(audited, event_id);
  // CHECK-NOTES: :[[@LINE-1]]:20: note: 'audited' is passed here to a parameter of type 'pqxx::nontransaction &', which does not accept a 'pqxx::work'
  return true;
}
// CHECK-FIXES: {{^}}  pqxx::nontransaction audited(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = audited.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id)[0].as<int>();{{$}}
// CHECK-FIXES: {{^}}    return false;{{$}}
// CHECK-FIXES: {{^}}  audit_autocommit(audited, event_id);{{$}}
// CHECK-FIXES-NOT: commit
// CHECK-FIXES: {{^}}  return true;{{$}}

// A const reference to the old type does not bind a work either.
void top_up_readonly(pqxx::connection &c, int wallet, int amount) {
  pqxx::nontransaction readonly(c);
  int balance = readonly.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a transaction or lock
  readonly.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", balance + amount, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-5]]:17: note: to run the read and the write in one transaction, declare 'readonly' as 'pqxx::work' and call 'readonly.commit();' on each normal exit
  audit_readonly(readonly, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:18: note: 'readonly' is passed here to a parameter of type 'const pqxx::nontransaction &', which does not accept a 'pqxx::work'
}
// CHECK-FIXES: {{^}}  pqxx::nontransaction readonly(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int balance = readonly.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet)[0].as<int>();{{$}}

// Nor does a pointer to it.
void top_up_pointer(pqxx::connection &c, int wallet, int amount) {
  pqxx::nontransaction pointed(c);
  int balance = pointed.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a transaction or lock
  pointed.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", balance + amount, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-5]]:17: note: to run the read and the write in one transaction, declare 'pointed' as 'pqxx::work' and call 'pointed.commit();' on each normal exit
  audit_pointer(&pointed, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:18: note: 'pointed' is passed here to a parameter of type 'pqxx::nontransaction *', which does not accept a 'pqxx::work'
}
// CHECK-FIXES: {{^}}  pqxx::nontransaction pointed(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int balance = pointed.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet)[0].as<int>();{{$}}

// ---- Fixed: every use takes a work too ----

bool book_any(pqxx::connection &c, int event_id) {
  pqxx::nontransaction any(c);
  int seats = any.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'events' is read without a transaction or lock
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  any.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  audit_any(any, event_id);
  audit_any_pointer(&any, event_id);
  audit_generic(any, event_id);
  return true;
}
// CHECK-FIXES: {{^}}  pqxx::work any(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seats = any.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id)[0].as<int>();{{$}}
// CHECK-FIXES: {{^}}    { any.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  audit_generic(any, event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  any.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}
