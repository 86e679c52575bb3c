// A user's own layer (examples/custom-orm): a lock call kept in a variable
// with the query (`auto q = objects().select_for_update(); q.get(id)`), and
// ORM keys: `get(id)` reads the row keyed by `id` (`key_arg`), and a write
// through an object (`e.save()`) writes the row it was read from.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%S/../../../examples/custom-orm/orm.yaml'}}" -- -I %S/../../../examples/custom-orm

#include "orm/orm.h"

struct Event : orm::Model<Event> {
  int id = 0;
  int available_seats = 0;
};

// A query kept in a variable without the lock: flagged.
bool stored_query(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  auto events = Event::objects();
  Event e = events.get(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Event' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (e.available_seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  e.available_seats -= 1;
  e.save();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Event' is updated here
  // CHECK-NOTES: :[[@LINE-10]]:28: note: the transaction begins here
  return true;
}

// Seats moved from an event read without a lock into a locked one: the
// row read without a lock is written too.
void move_seats(orm::Database &db, int from, int to) {
  orm::transaction::atomic guard(db);
  Event source = Event::objects().get(from);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'Event' is read without a lock and then written based on the value; the transaction alone
  Event target = Event::objects().select_for_update().get(to);
  target.available_seats += source.available_seats;
  target.save();
  source.available_seats = 0;
  source.save();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'Event' is updated here
  // CHECK-NOTES: :[[@LINE-10]]:28: note: the transaction begins here
}

// ---- Not flagged ----

// The same query kept with its lock.
bool stored_locked_query(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  auto events = Event::objects().select_for_update();
  Event e = events.get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  return true;
}

// One event's seats copied into another, which is locked: the row read
// without a lock is not written.
void copy_seats(orm::Database &db, int from, int to) {
  orm::transaction::atomic guard(db);
  Event source = Event::objects().get(from);
  Event target = Event::objects().select_for_update().get(to);
  target.available_seats = source.available_seats;
  target.save();
}
