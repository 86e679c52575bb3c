// Ticket booking with libpqxx: the read-check-write race in a transaction.
//
// Two requests can both read "1 seat left" inside their own transaction and
// both book it: PostgreSQL's READ COMMITTED takes no lock for a SELECT.
// dbrace flags the SELECT (dbrace-unlocked-read-update) and appends
// " FOR UPDATE", after which the second request waits for the first to
// commit and then reads the seat gone.

#include "window.h"

#include <pqxx/pqxx>

// Returns 1 when a ticket was booked, 0 when sold out.
int book_ticket(pqxx::connection &c, int event_id) {
  pqxx::work w(c);
  pqxx::result r = w.exec("SELECT available_seats FROM events WHERE id = " + w.quote(event_id));
  int booked = 0;
  if (r[0][0].as<int>() > 0) {
    race_window();
    w.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + w.quote(event_id));
    w.exec("INSERT INTO bookings(event_id) VALUES (" + w.quote(event_id) + ")");
    booked = 1;
  }
  w.commit();
  return booked;
}

// The harness calls this once per client.
int scenario_request(pqxx::connection &c, int) { return book_ticket(c, 1); }
