// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {dbrace-unlocked-read-update.EntityMatching: table}}" -- -isystem %inputs/pqxx

// EntityMatching: table: any read and write of one table match, whatever
// their keys.

#include <pqxx/pqxx>

void different_keys(pqxx::work &w, int a, int b) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", a)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", b);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", a)[0].as<int>();

void different_literals(pqxx::work &w) {
  int seats = w.exec("SELECT seats FROM events WHERE id = 1")[0][0].as<int>();
  if (seats > 0)
    w.exec("UPDATE events SET seats = seats - 1 WHERE id = 2");
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec("SELECT seats FROM events WHERE id = 1 FOR UPDATE")[0][0].as<int>();

// ---- Not flagged: other tables ----

void other_table(pqxx::work &w, int a) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", a)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE stats SET hits = hits + 1 WHERE id = $1", a);
}
