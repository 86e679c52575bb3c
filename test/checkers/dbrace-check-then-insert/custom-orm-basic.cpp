// A user's own repository layer (examples/custom-orm), described to dbrace
// only by the rules file next to it.
// RUN: %check_dbrace %s dbrace-check-then-insert %t -- --config="{CheckOptions: {RulesFiles: '%S/../../../examples/custom-orm/orm.yaml'}}" -- -I %S/../../../examples/custom-orm

#include "orm/orm.h"

#include <string>

struct Event : orm::Model<Event> {
  int id = 0;
  int capacity = 0;
};

struct Booking : orm::Model<Booking> {
  int id = 0;
  int event_id = 0;
  std::string email;
};

// "Fewer bookings than seats, so add one": two requests count the same
// bookings and both insert.
bool reserve(orm::Database &db, int event_id, int capacity, const std::string &email) {
  orm::transaction::atomic guard(db);
  int taken = Booking::objects().filter(&Booking::event_id, event_id).count();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: check of 'Booking' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  if (taken >= capacity)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  Booking b;
  b.event_id = event_id;
  b.email = email;
  Booking::objects().create(b);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Booking' is inserted into here
  // CHECK-NOTES: :[[@LINE-11]]:28: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
  return true;
}

// ---- Not flagged ----

// SERIALIZABLE: of two requests that counted the same bookings, the database
// fails one at commit, and the layer retries it.
bool reserve_serializable(orm::Database &db, int event_id, int capacity, const std::string &email) {
  orm::transaction::atomic guard(db, orm::Isolation::serializable);
  int taken = Booking::objects().filter(&Booking::event_id, event_id).count();
  if (taken >= capacity)
    return false;
  Booking b;
  b.event_id = event_id;
  b.email = email;
  Booking::objects().create(b);
  return true;
}

// An unconditional insert.
void log_booking(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  int taken = Booking::objects().filter(&Booking::event_id, event_id).count();
  Booking b;
  b.event_id = event_id;
  b.email = std::to_string(taken);
  Booking::objects().create(b);
}
