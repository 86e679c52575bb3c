// RUN: %check_dbrace %s 'dbrace-*' %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s 'dbrace-*' %t.real

// Helpers of the same translation unit: a read in a helper and the write in
// its caller, or the reverse, with notes in both functions; helpers that
// run their own transaction; recursion.

#include <pqxx/pqxx>
#include <string>

int load_seats(pqxx::work &w, int id) {
  return w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
}
void take_seat(pqxx::work &w, int id) {
  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}

// The read in the helper, the write here.
void read_in_helper(pqxx::work &w, int id) {
  if (load_seats(w, id) > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-3]]:7: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-12]]:10: note: the value is read here, in 'load_seats'
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here

// The read here, the write in the helper.
void write_in_helper(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    take_seat(w, id);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated by this call
// CHECK-NOTES: :[[@LINE-22]]:3: note: 'events' is updated here, in 'take_seat'
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// Two levels of helpers on each side: the notes name the function that
// holds the read and the write.
int load_seats_outer(pqxx::work &w, int id) { return load_seats(w, id); }
void take_seat_outer(pqxx::work &w, int id) { take_seat(w, id); }
void two_levels(pqxx::work &w, int id) {
  if (load_seats_outer(w, id) > 0)
    take_seat_outer(w, id);
}
// CHECK-NOTES: :[[@LINE-3]]:7: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-37]]:10: note: the value is read here, in 'load_seats'
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated by this call
// CHECK-NOTES: :[[@LINE-37]]:3: note: 'events' is updated here, in 'take_seat'

// A helper that begins and commits its own transaction for the write: the
// read before it is outside that transaction.
void take_seat_committed(pqxx::connection &c, int id) {
  pqxx::work w(c);
  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
}
void helper_transaction_writes(pqxx::connection &c, int id) {
  pqxx::nontransaction n(c);
  int seats = n.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    take_seat_committed(c, id);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated by this call
// CHECK-NOTES: :[[@LINE-12]]:3: note: 'events' is updated here, in 'take_seat_committed'
// CHECK-NOTES: :[[@LINE-6]]:5: note: the transaction begins here

// A helper that reads in its own transaction and returns the value.
int load_seats_committed(pqxx::connection &c, int id) {
  pqxx::work w(c);
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  w.commit();
  return seats;
}
void helper_transaction_reads(pqxx::connection &c, int id) {
  int seats = load_seats_committed(c, id);
  pqxx::work w(c);
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
}
// CHECK-NOTES: :[[@LINE-6]]:15: warning: 'events' is read in an earlier transaction than the one that writes it; a concurrent request can change it in between [dbrace-read-outside-transaction]
// CHECK-NOTES: :[[@LINE-12]]:15: note: the value is read here, in 'load_seats_committed'
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-9]]:14: note: the transaction begins here

// Recursion is cut off: the recursive call contributes nothing, the base
// case's read still reaches the caller.
int countdown(pqxx::work &w, int id, int n) {
  if (n == 0)
    return w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  return countdown(w, id, n - 1);
}
void recursive_helper(pqxx::work &w, int id) {
  if (countdown(w, id, 3) > 0)
    take_seat(w, id);
}
// CHECK-NOTES: :[[@LINE-3]]:7: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-8]]:12: note: the value is read here, in 'countdown'
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated by this call
// CHECK-NOTES: :[[@LINE-93]]:3: note: 'events' is updated here, in 'take_seat'

int ping(pqxx::work &w, int id, int n);
int pong(pqxx::work &w, int id, int n) { return n ? ping(w, id, n - 1) : 0; }
int ping(pqxx::work &w, int id, int n) {
  if (n == 1)
    return w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  return pong(w, id, n);
}
void mutual_recursion(pqxx::work &w, int id) {
  if (ping(w, id, 4) > 0)
    take_seat(w, id);
}
// CHECK-NOTES: :[[@LINE-3]]:7: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-8]]:12: note: the value is read here, in 'ping'
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated by this call
// CHECK-NOTES: :[[@LINE-110]]:3: note: 'events' is updated here, in 'take_seat'

// ---- Not flagged ----

// The helper's read is locked, in the caller's transaction.
int load_seats_locked(pqxx::work &w, int id) {
  return w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
}
void locked_in_helper(pqxx::work &w, int id) {
  if (load_seats_locked(w, id) > 0)
    take_seat(w, id);
}

// The caller locks; the helper writes in the caller's transaction.
void locked_before_helper(pqxx::connection &c, int id) {
  pqxx::work w(c);
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
  if (seats > 0)
    take_seat(w, id);
  w.commit();
}

// The helper reads but returns something else.
int touch(pqxx::work &w, int id) {
  w.exec_params1("SELECT seats FROM events WHERE id = $1", id);
  return 1;
}
void value_not_returned(pqxx::work &w, int id) {
  if (touch(w, id) > 0)
    take_seat(w, id);
}

// The helper writes another table.
void count_view(pqxx::work &w, int id) {
  w.exec_params("UPDATE stats SET views = views + 1 WHERE id = $1", id);
}
void helper_writes_other_table(pqxx::work &w, int id) {
  if (load_seats(w, id) > 0)
    count_view(w, id);
}

// A helper that reads, checks and writes in one locked transaction of its
// own is safe, and so is its caller.
bool book_locked(pqxx::connection &c, int id) {
  pqxx::work w(c);
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
  if (seats <= 0)
    return false;
  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
  return true;
}
void calls_safe_helper(pqxx::connection &c, int id) {
  if (!book_locked(c, id))
    book_locked(c, id + 1);
}

// A helper that runs whatever SQL its caller gives it: the statements are
// the caller's.
pqxx::result run(pqxx::work &w, const std::string &sql) { return w.exec(sql); }
void sql_through_helper(pqxx::work &w) {
  int seats = run(w, "SELECT seats FROM events WHERE id = 7")[0][0].as<int>();
  if (seats > 0)
    run(w, "UPDATE events SET seats = seats - 1 WHERE id = 7");
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-7]]:66: note: the value is read here, in 'run'
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated by this call
// CHECK-NOTES: :[[@LINE-10]]:66: note: 'events' is updated here, in 'run'
// CHECK-FIXES: int seats = run(w, "SELECT seats FROM events WHERE id = 7 FOR UPDATE")[0][0].as<int>();
