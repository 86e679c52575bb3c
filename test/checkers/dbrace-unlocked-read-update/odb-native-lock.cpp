// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/odb

#include <odb/core.hxx>
#include <odb/database.hxx>
#include <odb/transaction.hxx>
#include <memory>
#include <string>

#pragma db object
class Event {
public:
  int available_seats() const { return available_seats_; }
  void take_seat() { --available_seats_; }

private:
  friend class odb::access;
  #pragma db id
  unsigned long long id_ = 0;
  int available_seats_ = 0;
};

// Not flagged: the object is loaded with FOR UPDATE in the transaction that
// updates it.
void book_locked(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.query_one<Event>(odb::query<Event>("id = " + std::to_string(event_id)) + "FOR UPDATE"));
  if (e && e->available_seats() > 0) {
    e->take_seat();
    db.update(*e);
  }
  t.commit();
}

// The lock clause in the condition's own text.
void book_locked_inline(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.query_one<Event>(odb::query<Event>("id = " + std::to_string(event_id) + " FOR UPDATE")));
  if (e && e->available_seats() > 0) {
    e->take_seat();
    db.update(*e);
  }
  t.commit();
}

// A native condition without a lock clause.
void book_native_unlocked(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.query_one<Event>(odb::query<Event>("id = " + std::to_string(event_id))));
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'Event' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (e && e->available_seats() > 0) {
    e->take_seat();
    db.update(*e);
  }
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: 'Event' is updated here
  // CHECK-NOTES: :[[@LINE-9]]:20: note: the transaction begins here
  t.commit();
}
