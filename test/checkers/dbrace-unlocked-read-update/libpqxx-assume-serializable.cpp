// RUN: %check_dbrace %s 'dbrace-*' %t -- --config="{CheckOptions: {AssumeSerializable: true}}" -- -isystem %inputs/pqxx
// RUN: %check_dbrace --check-suffix=DEFAULT %s 'dbrace-*' %t-default -- -- -isystem %inputs/pqxx

// AssumeSerializable: the code base sets SERIALIZABLE for the session
// elsewhere, so a read and a write in one transaction are safe. A read with
// no transaction at all, or in an earlier one, is still a race.

#include <pqxx/pqxx>

void in_one_transaction(pqxx::connection &c, int id) {
  pqxx::work w(c);
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
}
// CHECK-MESSAGES-DEFAULT: :[[@LINE-5]]:15: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-FIXES-DEFAULT: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void read_in_earlier_transaction(pqxx::connection &c, int id) {
  int seats;
  {
    pqxx::work r(c);
    seats = r.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
    r.commit();
  }
  pqxx::work w(c);
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
}
// CHECK-MESSAGES: :[[@LINE-8]]:13: warning: 'events' is read in an earlier transaction than the one that writes it; a concurrent request can change it in between [dbrace-read-outside-transaction]
// CHECK-MESSAGES-DEFAULT: :[[@LINE-9]]:13: warning: 'events' is read in an earlier transaction than the one that writes it; a concurrent request can change it in between [dbrace-read-outside-transaction]
