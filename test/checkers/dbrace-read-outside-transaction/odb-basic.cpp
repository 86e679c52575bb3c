// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/odb

#include <odb/core.hxx>
#include <odb/database.hxx>
#include <odb/transaction.hxx>
#include <memory>

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

// ODB cannot read outside a transaction, but it can read in one and write
// in the next: the object is stale by the time it is updated.
void book_seat(odb::database &db, unsigned long long event_id) {
  std::unique_ptr<Event> e;
  {
    odb::transaction t(db.begin());
    e.reset(db.load<Event>(event_id));
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Event' is read in an earlier transaction than the one that writes it; a concurrent request can change it in between [dbrace-read-outside-transaction]
    t.commit();
  }
  if (e->available_seats() <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  odb::transaction t(db.begin());
  e->take_seat();
  db.update(*e);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Event' is updated here
  // CHECK-NOTES: :[[@LINE-4]]:20: note: the transaction begins here
  t.commit();
}

// Not flagged: read and write in one transaction (the unlocked read is
// dbrace-unlocked-read-update's business, not this check's).
void book_seat_one_transaction(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.load<Event>(event_id));
  if (e->available_seats() > 0) {
    e->take_seat();
    db.update(*e);
  }
  t.commit();
}
