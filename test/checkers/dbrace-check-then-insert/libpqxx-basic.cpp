// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real

#include <pqxx/pqxx>
#include <string>

// "Is the name free? Then insert it": two sign-ups pass the check together.
bool sign_up(pqxx::connection &c, const std::string &name) {
  pqxx::work w(c);
  pqxx::result taken = w.exec_params("SELECT 1 FROM users WHERE name = $1", name);
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: check of 'users' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  if (!taken.empty())
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  w.exec_params("INSERT INTO users (name) VALUES ($1)", name);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'users' is inserted into here
  // CHECK-NOTES: :[[@LINE-8]]:14: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
  w.commit();
  return true;
}

// A count of the bookings decides another booking.
void book(pqxx::work &w, int event_id, int capacity) {
  int booked = w.exec_params1("SELECT count(*) FROM bookings WHERE event_id = $1", event_id)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: check of 'bookings' decides an insert into it
  if (booked < capacity)
    w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'bookings' is inserted into here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a unique constraint
}

// ---- Not flagged ----

// The parent row is locked first: concurrent bookings of the event queue up.
void book_parent_locked(pqxx::work &w, int event_id, int capacity) {
  w.exec_params("SELECT id FROM events WHERE id = $1 FOR UPDATE", event_id);
  int booked = w.exec_params1("SELECT count(*) FROM bookings WHERE event_id = $1", event_id)[0].as<int>();
  if (booked < capacity)
    w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
}

// A lock on the whole table.
void book_table_locked(pqxx::work &w, int event_id, int capacity) {
  w.exec("LOCK TABLE bookings IN SHARE ROW EXCLUSIVE MODE");
  int booked = w.exec_params1("SELECT count(*) FROM bookings WHERE event_id = $1", event_id)[0].as<int>();
  if (booked < capacity)
    w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
}

// An advisory transaction lock on the event.
void book_advisory(pqxx::work &w, int event_id, int capacity) {
  w.exec_params("SELECT pg_advisory_xact_lock($1)", event_id);
  int booked = w.exec_params1("SELECT count(*) FROM bookings WHERE event_id = $1", event_id)[0].as<int>();
  if (booked < capacity)
    w.exec_params("INSERT INTO bookings (event_id) VALUES ($1)", event_id);
}

// The unique constraint decides: ON CONFLICT DO NOTHING.
bool sign_up_upsert(pqxx::work &w, const std::string &name) {
  pqxx::result taken = w.exec_params("SELECT 1 FROM users WHERE name = $1", name);
  if (!taken.empty())
    return false;
  pqxx::result r = w.exec_params("INSERT INTO users (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", name);
  return r.affected_rows() == 1;
}

// SERIALIZABLE: one of two conflicting sign-ups fails and retries.
void sign_up_serializable(pqxx::connection &c, const std::string &name) {
  pqxx::transaction<pqxx::serializable> w(c);
  pqxx::result taken = w.exec_params("SELECT 1 FROM users WHERE name = $1", name);
  if (taken.empty())
    w.exec_params("INSERT INTO users (name) VALUES ($1)", name);
  w.commit();
}

// An unconditional audit insert.
void log_visit(pqxx::work &w, int user) {
  pqxx::row r = w.exec_params1("SELECT name FROM users WHERE id = $1", user);
  w.exec_params("INSERT INTO visits (user_id) VALUES ($1)", user);
}
