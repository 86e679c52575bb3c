// RUN: %check_dbrace %s 'dbrace-*' %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s 'dbrace-*' %t.real

// Transactions and locks along each path: RAII scopes, commit and abort
// calls, BEGIN/COMMIT in SQL text, exceptions, isolation levels, and
// transaction handles passed in by the caller.

#include <pqxx/pqxx>
#include <stdexcept>
#include <string>

// The reading transaction ends (aborts) with its scope; another one writes.
void scope_end(pqxx::connection &c, int id) {
  int seats = 0;
  {
    pqxx::work r(c);
    seats = r.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  }
  pqxx::work w(c);
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
}
// CHECK-NOTES: :[[@LINE-7]]:13: warning: 'events' is read in an earlier transaction than the one that writes it; a concurrent request can change it in between [dbrace-read-outside-transaction]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-8]]:14: note: the transaction begins here

// Committed by a call, then a second transaction object writes.
void commit_then_new(pqxx::connection &c, int id) {
  pqxx::work r(c);
  int seats = r.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  r.commit();
  pqxx::work w(c);
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
}
// CHECK-NOTES: :[[@LINE-7]]:15: warning: 'events' is read in an earlier transaction than the one that writes it;
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-8]]:14: note: the transaction begins here

// BEGIN and COMMIT as SQL text on an autocommit handle.
void sql_text(pqxx::connection &c, int id) {
  pqxx::nontransaction n(c);
  n.exec("BEGIN");
  int seats = n.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    n.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  n.exec("COMMIT");
}
// CHECK-NOTES: :[[@LINE-5]]:15: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-9]]:3: note: the transaction begins here
// CHECK-FIXES: int seats = n.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// Locked, but the COMMIT before the write releases the lock.
void sql_text_committed_early(pqxx::connection &c, int id) {
  pqxx::nontransaction n(c);
  n.exec("BEGIN");
  int seats = n.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
  n.exec("COMMIT");
  if (seats > 0)
    n.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-5]]:15: warning: 'events' is read and locked in a transaction that ends before the write; the lock is gone by the write [dbrace-read-outside-transaction]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here

// Locked in a transaction that is committed; the write is in autocommit.
void locked_then_autocommit(pqxx::connection &c, int id) {
  int seats = 0;
  {
    pqxx::work r(c);
    seats = r.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
    r.commit();
  }
  pqxx::nontransaction n(c);
  if (seats > 0)
    n.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-7]]:13: warning: 'events' is read and locked in a transaction that ends before the write;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here

// Not locked, committed, then written in autocommit.
void unlocked_then_autocommit(pqxx::connection &c, int id) {
  pqxx::work r(c);
  int seats = r.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  r.commit();
  pqxx::nontransaction n(c);
  if (seats > 0)
    n.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-6]]:15: warning: 'events' is read in a transaction that ends before the write; a concurrent request can change it in between [dbrace-read-outside-transaction]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here

// The throw leaves the reading transaction through its destructor; the
// handler writes in a new one.
void exception_exit(pqxx::connection &c, int id) {
  int seats = 0;
  try {
    pqxx::work r(c);
    seats = r.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
    if (seats == 0)
      throw std::runtime_error("sold out");
    r.commit();
  } catch (const std::exception &) {
    pqxx::work w(c);
    if (seats < 0)
      w.exec_params("UPDATE events SET seats = 0 WHERE id = $1", id);
    w.commit();
  }
}
// CHECK-NOTES: :[[@LINE-11]]:13: warning: 'events' is read and locked in an earlier transaction than the one that writes it; the lock is gone by the write [dbrace-read-outside-transaction]
// CHECK-NOTES: :[[@LINE-6]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:7: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-9]]:16: note: the transaction begins here

// PostgreSQL's REPEATABLE READ does not protect an insert decided by a check.
void repeatable_read_insert(pqxx::connection &c, int user, int id) {
  pqxx::transaction<pqxx::repeatable_read> w(c);
  pqxx::result r = w.exec_params("SELECT 1 FROM bookings WHERE user_id = $1 AND event_id = $2", user, id);
  if (r.empty())
    w.exec_params("INSERT INTO bookings (user_id, event_id) VALUES ($1, $2)", user, id);
  w.commit();
}
// CHECK-NOTES: :[[@LINE-5]]:20: warning: check of 'bookings' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'bookings' is inserted into here
// CHECK-NOTES: :[[@LINE-9]]:44: note: the transaction begins here
// CHECK-NOTES: :[[@LINE-7]]:5: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe

// READ COMMITTED spelled out is the default.
void read_committed(pqxx::connection &c, int id) {
  pqxx::transaction<pqxx::read_committed> w(c);
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
}
// CHECK-NOTES: :[[@LINE-5]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-9]]:43: note: the transaction begins here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// A function given the transaction runs in its caller's: flagged here with
// no begin note.
void handle_parameter(pqxx::transaction_base &t, int id) {
  int seats = t.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    t.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = t.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// Given an autocommit handle, the function is in no transaction.
void autocommit_parameter(pqxx::nontransaction &t, int id) {
  int seats = t.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    t.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here

// ---- Not flagged ----

// PostgreSQL's REPEATABLE READ fails the second of two updates of one row.
void repeatable_read_update(pqxx::connection &c, int id) {
  pqxx::transaction<pqxx::repeatable_read> w(c);
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
}

// SERIALIZABLE protects the insert too.
void serializable_insert(pqxx::connection &c, int user, int id) {
  pqxx::transaction<pqxx::serializable> w(c);
  pqxx::result r = w.exec_params("SELECT 1 FROM bookings WHERE user_id = $1 AND event_id = $2", user, id);
  if (r.empty())
    w.exec_params("INSERT INTO bookings (user_id, event_id) VALUES ($1, $2)", user, id);
  w.commit();
}

// SERIALIZABLE set by SQL text: SET TRANSACTION, or BEGIN with a level.
void set_transaction(pqxx::connection &c, int id) {
  pqxx::work w(c);
  w.exec("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  w.commit();
}

void begin_serializable(pqxx::connection &c, int id) {
  pqxx::nontransaction n(c);
  n.exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
  int seats = n.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    n.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  n.exec("COMMIT");
}

// Locked in the caller's transaction.
void locked_parameter(pqxx::work &t, int id) {
  int seats = t.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
  if (seats > 0)
    t.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}

// Locked; the transaction ends by abort or commit only after the write.
void end_on_either_path(pqxx::connection &c, int id, bool dry_run) {
  pqxx::work w(c);
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  if (dry_run)
    w.abort();
  else
    w.commit();
}

// A transaction per loop iteration, locked each time.
void per_iteration(pqxx::connection &c, int n) {
  for (int id = 0; id < n; ++id) {
    pqxx::work w(c);
    int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
    if (seats > 0)
      w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
    w.commit();
  }
}

// The caller's transaction is SERIALIZABLE, as the handle's type says.
void serializable_parameter(pqxx::transaction<pqxx::serializable> &t, int id) {
  int seats = t.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats > 0)
    t.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
