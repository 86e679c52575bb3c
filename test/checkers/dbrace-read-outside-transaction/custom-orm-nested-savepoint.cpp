// A user's own layer (examples/custom-orm): nested RAII transactions. An
// `atomic` block inside another is a savepoint (`nested: savepoint`), not a
// new transaction: the outer transaction and its locks go on, and the inner
// guard's destructor does not end the outer one.
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- --config="{CheckOptions: {RulesFiles: '%S/../../../examples/custom-orm/orm.yaml'}}" -- -I %S/../../../examples/custom-orm

#include "orm/orm.h"

struct Event : orm::Model<Event> {
  int id = 0;
  int available_seats = 0;
};

// The read before the outer block; the write in a nested one.
bool read_before_nested(orm::Database &db, int event_id) {
  Event e = Event::objects().get(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Event' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (e.available_seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  orm::transaction::atomic outer(db);
  {
    orm::transaction::atomic inner(db);
    e.available_seats -= 1;
    e.save();
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'Event' is updated here
    // CHECK-NOTES: :[[@LINE-6]]:28: note: the transaction begins here
  }
  return true;
}

// ---- Not flagged ----

// The locked read and the write in one transaction; the write runs in a
// savepoint of it.
bool book_nested(orm::Database &db, int event_id) {
  orm::transaction::atomic outer(db);
  Event e = Event::objects().select_for_update().get(event_id);
  if (e.available_seats <= 0)
    return false;
  {
    orm::transaction::atomic inner(db);
    e.available_seats -= 1;
    e.save();
  }
  return true;
}
