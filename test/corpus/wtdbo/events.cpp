// FLAGS: -isystem %inputs/wt
// Wt::Dbo with mapped classes used beside raw SQL: the session's set-up maps
// each class to its table (mapClass), so an ORM read of Event and an SQL
// statement on `events` touch the same rows.
#include <Wt/Dbo/Dbo.h>
#include <memory>
#include <string>

namespace dbo = Wt::Dbo;

namespace boxoffice {

class Event {
public:
  std::string slug;
  int availableSeats = 0;

  template <class Action> void persist(Action &a) {
    dbo::field(a, slug, "slug");
    dbo::field(a, availableSeats, "available_seats");
  }
};

class Waitlist {
public:
  long long eventId = 0;
  std::string email;

  template <class Action> void persist(Action &a) {
    dbo::field(a, eventId, "event_id");
    dbo::field(a, email, "email");
  }
};

void map_classes(dbo::Session &session) {
  session.mapClass<Event>("events");
  session.mapClass<Waitlist>("waitlist");
}

// case: unsafe
// The seats read through the ORM, decremented in raw SQL: the raw UPDATE
// bypasses the version column, and nothing locks the row.
bool book(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  dbo::ptr<Event> event = session.load<Event>(eventId); // expect: dbrace-unlocked-read-update
  if (event->availableSeats <= 0)
    return false;
  session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
  return true;
}

// case: safe
// A sold-out event puts the customer on the waiting list: a new row of
// another table.
void book_or_wait(dbo::Session &session, long long eventId, const std::string &email) {
  dbo::Transaction t(session);
  dbo::ptr<Event> event = session.load<Event>(eventId);
  if (event->availableSeats > 0)
    return;
  session.execute("INSERT INTO audit_log (event_id, action) VALUES (?, 'sold_out')").bind(eventId);
}

// case: unsafe
// "No event with this slug yet, so add one", checked in raw SQL and added
// through the ORM: two requests can both find none.
void create_event(dbo::Session &session, const std::string &slug) {
  dbo::Transaction t(session);
  int n = session.query<int>("SELECT COUNT(*) FROM events WHERE slug = ?").bind(slug); // expect: dbrace-check-then-insert
  if (n > 0)
    return;
  auto event = std::make_unique<Event>();
  event->slug = slug;
  session.add(std::move(event));
}

// case: safe
// The seats checked in raw SQL with the row locked, written through the
// ORM in the same transaction.
void release_seat(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ? FOR UPDATE").bind(eventId);
  if (seats < 100) {
    dbo::ptr<Event> event = session.load<Event>(eventId);
    event.modify()->availableSeats++;
  }
}

} // namespace boxoffice
