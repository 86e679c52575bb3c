// Booking seats through the repository layer of orm/orm.h: the four
// classic read-check-write races, each followed by its fix.
//
//   build/bin/dbrace --rules=examples/custom-orm/orm.yaml \
//       examples/custom-orm/bookings.cpp -- -std=c++17 -I examples/custom-orm
#include "orm/orm.h"

#include <string>

struct Event : orm::Model<Event> {
  int id = 0;
  std::string title;
  int available_seats = 0;
};

struct Booking : orm::Model<Booking> {
  int id = 0;
  int event_id = 0;
  std::string email;
};

// ---- 1. No transaction: every statement commits on its own. ----

// Two requests both read one free seat, both pass the check, both save:
// two tickets for one seat.
bool book_no_transaction(int event_id) {
  Event e = Event::objects().get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  return true;
}

// ---- 2. A transaction, but no lock. ----

// The transaction makes the read and the write commit together; it does not
// stop a concurrent request from reading the same value in between.
bool book_unlocked(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  return true;
}

// ---- 3. The read before the transaction. ----

// The check ran on a value read before the transaction began; a lock taken
// inside it would come too late.
bool book_read_first(orm::Database &db, int event_id) {
  Event e = Event::objects().get(event_id);
  if (e.available_seats <= 0)
    return false;
  orm::transaction::atomic guard(db);
  e.available_seats -= 1;
  e.save();
  return true;
}

// ---- 4. A slow call while the row is locked. ----

// Correct, but every other booking of this event waits for the mail server.
bool book_and_mail(orm::Database &db, int event_id, const std::string &email) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().select_for_update().get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  orm::send_mail(email, "Your ticket", "See you at " + e.title);
  return true;
}

// ---- The fixes. ----

// 1, 2 and 3: read with select_for_update() inside the transaction that
// writes. A second request waits at the read until this one commits, then
// sees the new number of seats.
bool book(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().select_for_update().get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  return true;
}

// 4: the mail goes out after the transaction has committed and released
// the lock.
bool book_then_mail(orm::Database &db, int event_id, const std::string &email) {
  std::string title;
  {
    orm::transaction::atomic guard(db);
    Event e = Event::objects().select_for_update().get(event_id);
    if (e.available_seats <= 0)
      return false;
    e.available_seats -= 1;
    e.save();
    title = e.title;
  }
  orm::send_mail(email, "Your ticket", "See you at " + title);
  return true;
}

int main() {
  orm::Database &db = orm::default_db();
  Event concert;
  concert.title = "Concert";
  concert.available_seats = 1;
  concert.save();
  bool first = book(db, concert.id);
  bool second = book(db, concert.id);
  return first && !second ? 0 : 1;
}
