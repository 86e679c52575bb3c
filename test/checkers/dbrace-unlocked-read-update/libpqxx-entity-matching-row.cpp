// RUN: %check_dbrace %s 'dbrace-*' %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s 'dbrace-*' %t.real

// Entity matching (EntityMatching: row, the default): a read and a write
// match on the same table, unless both WHERE clauses show the key and it is
// bound to different variables or literals. And protection: a write that
// checks for itself (a guard or a version in its WHERE, its row count
// used) cannot be lost.

#include <pqxx/pqxx>

// The same key variable.
void same_key(pqxx::work &w, int a) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", a)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", a);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", a)[0].as<int>();

// The same literal key.
void same_literal(pqxx::work &w) {
  int seats = w.exec("SELECT seats FROM events WHERE id = 1")[0][0].as<int>();
  if (seats > 0)
    w.exec("UPDATE events SET seats = seats - 1 WHERE id = 1");
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec("SELECT seats FROM events WHERE id = 1 FOR UPDATE")[0][0].as<int>();

// Different key columns: the rows may be the same.
void different_columns(pqxx::work &w, int a, int b) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE name = $1", a)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", b);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE name = $1 FOR UPDATE", a)[0].as<int>();

// Schema-qualified and differently cased names are one table.
void qualified_name(pqxx::work &w, int a) {
  int seats = w.exec_params1("SELECT seats FROM public.events WHERE id = $1", a)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE Events SET seats = seats - 1 WHERE id = $1", a);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'public.events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM public.events WHERE id = $1 FOR UPDATE", a)[0].as<int>();

// A guard in the write's WHERE whose row count is not looked at.
void guard_unchecked(pqxx::work &w, int a) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", a)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1 AND seats > 0", a);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", a)[0].as<int>();

// A version compared in the write's WHERE, the row count not looked at.
void version_unchecked(pqxx::work &w, int a) {
  pqxx::row r = w.exec_params1("SELECT seats, version FROM events WHERE id = $1", a);
  int seats = r[0].as<int>(), version = r[1].as<int>();
  if (seats <= 0)
    return;
  w.exec_params("UPDATE events SET seats = $1, version = version + 1 WHERE id = $2 AND version = $3", seats - 1, a, version);
}
// CHECK-NOTES: :[[@LINE-6]]:17: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'events' is updated here
// CHECK-FIXES: pqxx::row r = w.exec_params1("SELECT seats, version FROM events WHERE id = $1 FOR UPDATE", a);

// ---- Not flagged ----

// Different key variables.
void different_keys(pqxx::work &w, int a, int b) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", a)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", b);
}

// Different key variables, quoted into the text.
void different_quoted_keys(pqxx::work &w, int a, int b) {
  int seats = w.exec("SELECT seats FROM events WHERE id = " + w.quote(a))[0][0].as<int>();
  if (seats > 0)
    w.exec("UPDATE events SET seats = seats - 1 WHERE id = " + w.quote(b));
}

// Different literal keys.
void different_literals(pqxx::work &w) {
  int seats = w.exec("SELECT seats FROM events WHERE id = 1")[0][0].as<int>();
  if (seats > 0)
    w.exec("UPDATE events SET seats = seats - 1 WHERE id = 2");
}

// The atomic conditional update, its affected rows checked.
bool guard_checked(pqxx::work &w, int a) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", a)[0].as<int>();
  if (seats <= 0)
    return false;
  pqxx::result r = w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1 AND seats > 0", a);
  return r.affected_rows() == 1;
}

// Optimistic locking: the version compared, the affected rows checked.
bool version_checked(pqxx::work &w, int a) {
  pqxx::row r = w.exec_params1("SELECT seats, version FROM events WHERE id = $1", a);
  int seats = r[0].as<int>(), version = r[1].as<int>();
  if (seats <= 0)
    return false;
  pqxx::result u = w.exec_params("UPDATE events SET seats = $1, version = version + 1 WHERE id = $2 AND version = $3", seats - 1, a, version);
  return u.affected_rows() == 1;
}

// An insert that settles the conflict itself.
bool upsert(pqxx::work &w, int user, int ev) {
  pqxx::result r = w.exec_params("SELECT 1 FROM bookings WHERE user_id = $1 AND event_id = $2", user, ev);
  if (!r.empty())
    return false;
  pqxx::result i = w.exec_params("INSERT INTO bookings (user_id, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", user, ev);
  return i.affected_rows() == 1;
}
