// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx

// A value reaches the check through however many copies it takes: the
// flow runs to its fixpoint instead of stopping after a number of rounds.

#include <pqxx/pqxx>

// Each copy inside the loop is written before the one it copies from, so
// the read reaches 'last' only after one trip round the loop per copy.
void copies_against_the_loop(pqxx::work &w, int id, int trips) {
  int c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0, c8 = 0, c9 = 0,
      c10 = 0, c11 = 0, last = 0;
  for (int i = 0; i < trips; ++i) {
    last = c11;
    c11 = c10;
    c10 = c9;
    c9 = c8;
    c8 = c7;
    c7 = c6;
    c6 = c5;
    c5 = c4;
    c4 = c3;
    c3 = c2;
    c2 = c1;
    c1 = w.exec_params("SELECT seats FROM events WHERE id = $1", id)[0][0]
             .as<int>();
  }
  if (last > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-6]]:10: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: c1 = w.exec_params("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0][0]

// The same chain with the read's value overwritten before the check: no
// copy carries it, and nothing is reported.
void chain_broken(pqxx::work &w, int id, int trips) {
  int c1 = 0, c2 = 0, c3 = 0, last = 0;
  for (int i = 0; i < trips; ++i) {
    last = c3;
    c3 = 7;
    c2 = c1;
    c1 = w.exec_params("SELECT seats FROM events WHERE id = $1", id)[0][0]
             .as<int>();
  }
  if (last > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
