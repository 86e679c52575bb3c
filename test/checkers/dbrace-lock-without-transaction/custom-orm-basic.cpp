// A user's own repository layer (examples/custom-orm), described to dbrace
// only by the rules file next to it.
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- --config="{CheckOptions: {RulesFiles: '%S/../../../examples/custom-orm/orm.yaml'}}" -- -I %S/../../../examples/custom-orm

#include "orm/orm.h"

struct Event : orm::Model<Event> {
  int id = 0;
  int available_seats = 0;
};

// select_for_update() with no atomic block: the lock ends with the SELECT,
// before the check (Django raises TransactionManagementError here; this
// layer does not).
bool book(int event_id) {
  Event e = Event::objects().select_for_update().get(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'FOR UPDATE' on 'Event' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  if (e.available_seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  e.available_seats -= 1;
  e.save();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Event' is updated here
  return true;
}

// ---- Not flagged ----

bool book_in_transaction(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().select_for_update().get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  return true;
}

// A helper that locks for its caller, which holds the transaction.
Event locked_event(int event_id) {
  return Event::objects().select_for_update().get(event_id);
}
