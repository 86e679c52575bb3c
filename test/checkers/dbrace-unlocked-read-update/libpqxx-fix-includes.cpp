// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// Real headers only: the mock libpqxx is one umbrella header. The file
// includes <pqxx/nontransaction> but not <pqxx/transaction>, which declares
// pqxx::work. Retyping the handle is offered only where every use of it is
// seen to compile with the new type, which needs the type declared: here
// the note says what to write and which header declares it.

#include <pqxx/connection>
#include <pqxx/nontransaction>

bool book(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  int seats = n.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  n.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:15: note: to run the read and the write in one transaction, declare 'n' as 'pqxx::work' (declared in <pqxx/transaction>) and call 'n.commit();' on each normal exit
  return true;
}
