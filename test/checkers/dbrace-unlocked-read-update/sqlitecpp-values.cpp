// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlitecpp
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// Values and guards through a statement object (the result is read back
// through the handle that ran it), in a deferred SQLite transaction.

#include <SQLiteCpp/SQLiteCpp.h>
#include <optional>
#include <string>
#include <vector>

struct Event {
  int id = 0;
  int seats = 0;
};

// A loop over the rows fills a container of structs; a loop over that
// decides the writes.
void restock_all(SQLite::Database &db) {
  SQLite::Transaction tx(db);
  SQLite::Statement query(db, "SELECT id, seats FROM events");
  std::vector<Event> events;
  while (query.executeStep()) {
    Event e;
    e.id = query.getColumn(0);
    e.seats = query.getColumn(1);
    events.push_back(e);
  }
  for (const Event &e : events)
    if (e.seats < 5) {
      SQLite::Statement update(db, "UPDATE events SET seats = seats + 100 WHERE id = ?");
      update.bind(1, e.id);
      update.exec();
    }
  tx.commit();
}
// CHECK-NOTES: :[[@LINE-14]]:10: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-8]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:7: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-20]]:23: note: the transaction begins here
// CHECK-FIXES: SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);

// An optional filled through an out-parameter of a helper.
void find_event(SQLite::Database &db, int id, std::optional<Event> &out) {
  SQLite::Statement query(db, "SELECT seats FROM events WHERE id = ?");
  query.bind(1, id);
  if (query.executeStep())
    out = Event{id, query.getColumn(0).getInt()};
}
void book(SQLite::Database &db, int id) {
  SQLite::Transaction tx(db);
  std::optional<Event> event;
  find_event(db, id, event);
  if (!event || event->seats <= 0)
    return;
  db.exec("UPDATE events SET seats = seats - 1 WHERE id = " + std::to_string(id));
  tx.commit();
}
// CHECK-NOTES: :[[@LINE-6]]:3: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-13]]:7: note: the value is read here, in 'find_event'
// CHECK-NOTES: :[[@LINE-7]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:3: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-12]]:23: note: the transaction begins here
// CHECK-FIXES: SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);

// ---- Not flagged ----

// An immediate transaction holds the write lock from its begin.
void restock_all_immediate(SQLite::Database &db) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement query(db, "SELECT id, seats FROM events");
  std::vector<Event> events;
  while (query.executeStep())
    events.push_back(Event{query.getColumn(0).getInt(), query.getColumn(1).getInt()});
  for (const Event &e : events)
    if (e.seats < 5)
      db.exec("UPDATE events SET seats = seats + 100 WHERE id = " + std::to_string(e.id));
  tx.commit();
}
