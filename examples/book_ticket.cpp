// The ticket-booking race: two requests read the same number of free seats,
// both see one left, and both book it.
#include <pqxx/pqxx>

void book_ticket(pqxx::connection &c, int event_id) {
  pqxx::work w(c);
  pqxx::result r = w.exec("SELECT available_seats FROM events WHERE id = " +
                          w.quote(event_id));
  if (r[0][0].as<int>() > 0) {
    w.exec("UPDATE events SET available_seats = available_seats - 1 "
           "WHERE id = " + w.quote(event_id));
    w.exec("INSERT INTO bookings (event_id) VALUES (" + w.quote(event_id) +
           ")");
  }
  w.commit();
}
