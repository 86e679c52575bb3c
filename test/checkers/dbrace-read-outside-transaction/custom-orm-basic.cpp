// A user's own repository layer (examples/custom-orm), described to dbrace
// only by the rules file next to it.
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- --config="{CheckOptions: {RulesFiles: '%S/../../../examples/custom-orm/orm.yaml'}}" -- -I %S/../../../examples/custom-orm

#include "orm/orm.h"

struct Event : orm::Model<Event> {
  int id = 0;
  int available_seats = 0;
};

// 3. The read before the transaction: the check runs on a value that a
// concurrent request may already have changed.
bool book_read_first(orm::Database &db, int event_id) {
  Event e = Event::objects().get(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Event' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (e.available_seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  orm::transaction::atomic guard(db);
  e.available_seats -= 1;
  e.save();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Event' is updated here
  // CHECK-NOTES: :[[@LINE-4]]:28: note: the transaction begins here
  return true;
}

// Read and locked in one atomic block, saved in the next: the first
// block's commit released the lock.
bool book_two_blocks(orm::Database &db, int event_id) {
  Event e;
  {
    orm::transaction::atomic first(db);
    e = Event::objects().select_for_update().get(event_id);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'Event' is read and locked in an earlier transaction than the one that writes it; the lock is gone by the write [dbrace-read-outside-transaction]
  }
  orm::transaction::atomic second(db);
  if (e.available_seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  e.available_seats -= 1;
  e.save();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Event' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:28: note: the transaction begins here
  return true;
}

// ---- Not flagged ----

// The fix: the transaction begins before the read, which locks the row.
bool book(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().select_for_update().get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  return true;
}

// A read before the transaction whose value decides nothing written.
int rename_event(orm::Database &db, int event_id) {
  Event before = Event::objects().get(event_id);
  orm::transaction::atomic guard(db);
  Event e = Event::objects().select_for_update().get(event_id);
  e.available_seats += 10;
  e.save();
  return before.available_seats;
}
