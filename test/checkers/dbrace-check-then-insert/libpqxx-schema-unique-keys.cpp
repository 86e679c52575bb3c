// RUN: %check_dbrace %s dbrace-check-then-insert %t -- --config="{CheckOptions: {SchemaFiles: '%inputs/schema/shop.sql'}}" -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real -- --config="{CheckOptions: {SchemaFiles: '%inputs/schema/shop.sql'}}"

#include <pqxx/pqxx>
#include <string>

// `email` is unique in the schema: two sign-ups both pass the check, and
// the second insert fails with a unique violation the code does not handle.
bool sign_up(pqxx::work &w, const std::string &email) {
  pqxx::result taken = w.exec_params("SELECT 1 FROM users WHERE email = $1", email);
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: check of 'users' decides an insert into it
  if (!taken.empty())
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  w.exec_params("INSERT INTO users (email) VALUES ($1)", email);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'users' is inserted into here
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the schema's unique key on 'users' (email) makes this insert fail under a race rather than duplicate the row: handle the unique violation, or insert with 'ON CONFLICT DO NOTHING' and check the affected rows
  return true;
}

// A composite unique index covers the seat: the same note.
void take_seat(pqxx::work &w, int event, int seat, int user) {
  pqxx::result r = w.exec_params("SELECT user_id FROM bookings WHERE event_id = $1 AND seat_no = $2", event, seat);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: check of 'bookings' decides an insert into it
  if (r.empty())
    w.exec_params("INSERT INTO bookings (event_id, seat_no, user_id) VALUES ($1, $2, $3)", event, seat, user);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'bookings' is inserted into here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: the schema's unique key on 'bookings' (event_id, seat_no)
}

// Keys the schema does not make unique: the insert duplicates the row, the
// usual note.
void book(pqxx::work &w, int event, int user) {
  pqxx::result r = w.exec_params("SELECT 1 FROM bookings WHERE user_id = $1 AND event_id = $2", user, event);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: check of 'bookings' decides an insert into it
  if (r.empty())
    w.exec_params("INSERT INTO bookings (event_id, user_id) VALUES ($1, $2)", event, user);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'bookings' is inserted into here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
}

// ---- Not flagged ----

// The insert settles the conflict itself.
void tag(pqxx::work &w, const std::string &label) {
  pqxx::result r = w.exec_params("SELECT 1 FROM tags WHERE label = $1", label);
  if (r.empty())
    w.exec_params("INSERT INTO tags (label) VALUES ($1) ON CONFLICT (label) DO NOTHING", label);
}
