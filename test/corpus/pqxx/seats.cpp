// FLAGS: -isystem %inputs/pqxx
// Event seats: booking, seat maps, venue-wide operations.
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <vector>

namespace seats {

// case: unsafe
// Sold-out check with an early return, then the decrement: two requests both
// read 1 and both book.
bool reserve_seat(pqxx::connection &c, int event_id, int user_id) {
  pqxx::work w(c);
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id); // expect: dbrace-unlocked-read-update
  if (r[0].as<int>() <= 0)
    return false;
  w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  w.exec_params("INSERT INTO bookings (event_id, user_id) VALUES ($1, $2)", event_id, user_id);
  w.commit();
  return true;
}

// case: safe
// The same with the row locked by the read.
bool reserve_seat_locked(pqxx::connection &c, int event_id, int user_id) {
  pqxx::work w(c);
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id);
  if (r[0].as<int>() <= 0)
    return false;
  w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  w.exec_params("INSERT INTO bookings (event_id, user_id) VALUES ($1, $2)", event_id, user_id);
  w.commit();
  return true;
}

class SeatService {
public:
  explicit SeatService(pqxx::connection &c) : conn_(c) {}

  // case: unsafe
  // SQL in class constants, a throw as the guard, several seats at once.
  int book_many(int event_id, int count) {
    pqxx::work w(conn_);
    const int available = w.exec_params1(kSelectSeats, event_id)[0].as<int>(); // expect: dbrace-unlocked-read-update
    if (available < count)
      throw std::runtime_error("not enough seats");
    w.exec_params(kTakeSeats, count, event_id);
    w.commit();
    return available - count;
  }

  // case: safe
  // The write checks for itself; the price read only feeds the booking row.
  bool book_many_atomic(int event_id, int user_id, int count) {
    pqxx::work w(conn_);
    const int price = w.exec_params1("SELECT price_cents FROM events WHERE id = $1", event_id)[0].as<int>();
    pqxx::result u = w.exec_params(kTakeSeatsIfAvailable, count, event_id);
    if (u.affected_rows() != 1)
      return false;
    w.exec_params("INSERT INTO bookings (event_id, user_id, seats, paid_cents) VALUES ($1, $2, $3, $4)",
                  event_id, user_id, count, price * count);
    w.commit();
    return true;
  }

private:
  static constexpr const char *kSelectSeats = "SELECT available_seats FROM events WHERE id = $1";
  static constexpr const char *kTakeSeats =
      "UPDATE events SET available_seats = available_seats - $1 WHERE id = $2";
  static constexpr const char *kTakeSeatsIfAvailable =
      "UPDATE events SET available_seats = available_seats - $1 WHERE id = $2 AND available_seats >= $1";
  pqxx::connection &conn_;
};

// case: unsafe
// A numbered seat: both requests see it free and both take it.
bool take_numbered_seat(pqxx::work &w, int event_id, int seat_no, int user_id) {
  pqxx::result r = w.exec_params("SELECT holder FROM seat_map WHERE event_id = $1 AND seat_no = $2", event_id, seat_no); // expect: dbrace-unlocked-read-update
  if (r.empty() || !r[0][0].is_null())
    return false;
  w.exec_params("UPDATE seat_map SET holder = $3 WHERE event_id = $1 AND seat_no = $2", event_id, seat_no, user_id);
  return true;
}

// case: safe
// The read only chooses the message; the UPDATE takes the seat only if it is
// still free and its row count is checked.
std::string take_numbered_seat_checked(pqxx::work &w, int event_id, int seat_no, int user_id) {
  pqxx::result r = w.exec_params("SELECT holder FROM seat_map WHERE event_id = $1 AND seat_no = $2", event_id, seat_no);
  if (r.empty())
    return "no such seat";
  if (!r[0][0].is_null() && r[0][0].as<int>() == user_id)
    return "already yours";
  pqxx::result u = w.exec_params(
      "UPDATE seat_map SET holder = $3 WHERE event_id = $1 AND seat_no = $2 AND holder IS NULL",
      event_id, seat_no, user_id);
  return u.affected_rows() == 1 ? "booked" : "taken";
}

// case: unsafe
// Autocommit and SQL built by concatenation: no transaction at all.
void book_autocommit(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  pqxx::result r = n.exec("SELECT available_seats FROM events WHERE id = " + n.quote(event_id)); // expect: dbrace-unlocked-read-update
  if (r[0][0].as<int>() > 0)
    n.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + n.quote(event_id));
}

// case: unsafe
// A loop over the rows of a venue: each row is written from its own value.
void release_overflow(pqxx::work &w, int venue_id) {
  pqxx::result events = w.exec_params("SELECT id, available_seats, capacity FROM events WHERE venue_id = $1", venue_id); // expect: dbrace-unlocked-read-update
  for (const auto &ev : events) {
    const int avail = ev["available_seats"].as<int>();
    const int cap = ev["capacity"].as<int>();
    if (avail > cap)
      w.exec_params("UPDATE events SET available_seats = $1 WHERE id = $2", cap, ev["id"].as<int>());
  }
}

// case: safe
// SERIALIZABLE, retried by pqxx::perform on serialization failure.
void book_serializable(pqxx::connection &c, int event_id) {
  pqxx::perform([&] {
    pqxx::transaction<pqxx::serializable> w(c);
    pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id);
    if (r[0].as<int>() > 0)
      w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
    w.commit();
  });
}

// case: unsafe
// perform() retries, but a READ COMMITTED transaction never fails on this
// race, so the retry does not help.
void book_with_retry_only(pqxx::connection &c, int event_id) {
  pqxx::perform([&] {
    pqxx::work w(c);
    pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id); // expect: dbrace-unlocked-read-update
    if (r[0].as<int>() > 0)
      w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
    w.commit();
  });
}

// case: unsafe
// The count is read in autocommit, the booking written in a later
// transaction.
void book_two_phase(pqxx::connection &c, int event_id) {
  int seats = 0;
  {
    pqxx::nontransaction n(c);
    seats = n.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id)[0].as<int>(); // expect: dbrace-read-outside-transaction
  }
  if (seats > 0) {
    pqxx::work w(c);
    w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
    w.commit();
  }
}

// case: safe
// The value read is only shown; the unconditional counter update does not
// depend on it.
int show_event(pqxx::work &w, int event_id) {
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id);
  w.exec_params("UPDATE events SET page_views = page_views + 1 WHERE id = $1", event_id);
  w.commit();
  return r[0].as<int>();
}

// case: unsafe
// FOR UPDATE in autocommit: the lock ends with the SELECT.
bool reserve_nontransaction_locked(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  pqxx::row r = n.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id); // expect: dbrace-lock-without-transaction
  if (r[0].as<int>() <= 0)
    return false;
  n.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  return true;
}

// case: safe
// A read of the venue decides a write of the event (another table): the
// venue's opening state is not what is being booked.
void open_sales(pqxx::work &w, int event_id, int venue_id) {
  pqxx::row v = w.exec_params1("SELECT is_open FROM venues WHERE id = $1", venue_id);
  if (v[0].as<bool>())
    w.exec_params("UPDATE events SET on_sale = true WHERE id = $1", event_id);
}

} // namespace seats
