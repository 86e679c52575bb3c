// A user's own layer (examples/custom-orm): ORM keys. The rules say that
// argument 0 of `Manager::get(id)` is the row's key (`key_arg`) and that
// `filter(&Booking::event_id, event_id)` narrows a read to the rows keyed by
// its argument 1 (a `key` call), so a lock on the parent row read with the
// same value protects the check of its bookings.
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

// The lock is on another event than the one counted: flagged.
bool reserve_wrong_lock(orm::Database &db, int event_id, int other_id, const std::string &email) {
  orm::transaction::atomic guard(db);
  Event event = Event::objects().select_for_update().get(other_id);
  int taken = Booking::objects().filter(&Booking::event_id, event_id).count();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: check of 'Booking' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  if (taken >= event.capacity)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  Booking b;
  b.event_id = event_id;
  b.email = email;
  Booking::objects().create(b);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Booking' is inserted into here
  // CHECK-NOTES: :[[@LINE-12]]:28: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: a unique constraint
  return true;
}

// ---- Not flagged ----

// The parent event row is locked first, so that bookings of the event
// queue up behind it.
bool reserve_locked(orm::Database &db, int event_id, const std::string &email) {
  orm::transaction::atomic guard(db);
  Event event = Event::objects().select_for_update().get(event_id);
  int taken = Booking::objects().filter(&Booking::event_id, event_id).count();
  if (taken >= event.capacity)
    return false;
  Booking b;
  b.event_id = event_id;
  b.email = email;
  Booking::objects().create(b);
  return true;
}
