// FLAGS: -Wno-deprecated-declarations
// Blind cases, labelled by hand before dbrace was run on them: seat holds for
// showings at a box office, written against the real libpqxx 6 headers.
#include <pqxx/pqxx>

#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace boxoffice {

struct ShowingRow {
  std::string venue_code;
  std::string starts_at;
  int seats_left = 0;
  int version = 0;
};

static const char *kShowingByKey =
    "SELECT s.seats_left, s.version FROM box_office.showings AS s "
    "WHERE s.venue_code = $1 AND s.starts_at = $2";

// Data access for showings. load() reads without a lock: it is also used by
// the listing page, so it must not lock.
class ShowingRepository {
public:
  ShowingRow load(pqxx::transaction_base &tx, const std::string &venue,
                  const std::string &startsAt) {
    pqxx::row r = tx.exec_params1(kShowingByKey, venue, startsAt);
    ShowingRow row;
    row.venue_code = venue;
    row.starts_at = startsAt;
    row.seats_left = r[0].as<int>();
    row.version = r[1].as<int>();
    return row;
  }

  void take(pqxx::transaction_base &tx, const ShowingRow &row, int count) {
    tx.exec_params("UPDATE box_office.showings SET seats_left = seats_left - $1 "
                   "WHERE venue_code = $2 AND starts_at = $3",
                   count, row.venue_code, row.starts_at);
  }
};

class HoldService {
public:
  explicit HoldService(pqxx::connection &conn) : conn_(conn) {}

  // case: unsafe
  // The repository helper reads seats_left without FOR UPDATE; the service
  // decides on it and decrements the same showing in the same work.
  bool hold(const std::string &venue, const std::string &startsAt, int count) {
    pqxx::work tx(conn_);
    ShowingRow row = repo_.load(tx, venue, startsAt); // expect: dbrace-unlocked-read-update
    if (row.seats_left < count)
      return false;
    repo_.take(tx, row, count);
    tx.commit();
    return true;
  }

  // case: safe
  // The same read with FOR UPDATE appended to the shared constant, in the
  // transaction that writes; values unpacked with std::tie.
  bool holdLocked(const std::string &venue, const std::string &startsAt, int count) {
    pqxx::work tx(conn_);
    const std::string sql = std::string(kShowingByKey) + " FOR UPDATE";
    pqxx::row r = tx.exec_params1(sql, venue, startsAt);
    int left = 0, version = 0;
    std::tie(left, version) = std::make_tuple(r[0].as<int>(), r[1].as<int>());
    if (left < count)
      return false;
    tx.exec_params("UPDATE box_office.showings SET seats_left = $1, version = $2 "
                   "WHERE venue_code = $3 AND starts_at = $4",
                   left - count, version + 1, venue, startsAt);
    tx.commit();
    return true;
  }

private:
  pqxx::connection &conn_;
  ShowingRepository repo_;
};

// case: unsafe
// The UPDATE's WHERE only repeats the showing's key, so affected_rows() == 1
// proves nothing about seats_left: two requests both write left - count.
bool hold_with_row_check(pqxx::connection &conn, const std::string &venue,
                         const std::string &startsAt, int count) {
  pqxx::work tx(conn);
  pqxx::result cur = tx.exec_params("SELECT seats_left FROM box_office.showings WHERE venue_code = $1 AND starts_at = $2", venue, startsAt); // expect: dbrace-unlocked-read-update
  if (cur.empty())
    throw std::runtime_error("unknown showing " + venue + "@" + startsAt);
  const int left = cur[0][0].as<int>();
  if (left < count)
    return false;
  pqxx::result upd = tx.exec_params(
      "UPDATE box_office.showings SET seats_left = $1 WHERE venue_code = $2 AND starts_at = $3",
      left - count, venue, startsAt);
  if (upd.affected_rows() != 1)
    throw std::runtime_error("showing vanished");
  tx.commit();
  return true;
}

// case: safe
// Optimistic locking: the version read is compared and advanced by the
// UPDATE, whose affected rows are checked; a lost race is retried.
bool hold_optimistic(pqxx::connection &conn, const std::string &venue,
                     const std::string &startsAt, int count) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    pqxx::nontransaction n(conn);
    pqxx::row r = n.exec_params1(kShowingByKey, venue, startsAt);
    const int left = r[0].as<int>();
    const int version = r[1].as<int>();
    if (left < count)
      return false;
    pqxx::result upd = n.exec_params(
        "UPDATE box_office.showings SET seats_left = $1, version = version + 1 "
        "WHERE venue_code = $2 AND starts_at = $3 AND version = $4",
        left - count, venue, startsAt, version);
    if (upd.affected_rows() == 1)
      return true;
  }
  return false;
}

// case: unsafe
// "Is seat C12 of this showing free?" then insert the assignment. No unique
// constraint; REPEATABLE READ's snapshot does not see the other insert.
bool assign_seat(pqxx::connection &conn, int showingId, const std::string &seatLabel,
                 const std::string &email) {
  pqxx::transaction<pqxx::repeatable_read> tx(conn);
  pqxx::result taken = tx.exec_params("SELECT 1 FROM box_office.seat_assignments WHERE showing_id = $1 AND seat_label = $2", showingId, seatLabel); // expect: dbrace-check-then-insert
  if (!taken.empty())
    return false;
  tx.exec_params("INSERT INTO box_office.seat_assignments (showing_id, seat_label, holder_email) "
                 "VALUES ($1, $2, $3)",
                 showingId, seatLabel, email);
  tx.commit();
  return true;
}

// case: safe
// The (showing_id, seat_label) primary key decides: ON CONFLICT DO NOTHING
// and the affected rows, no prior check.
bool assign_seat_upsert(pqxx::connection &conn, int showingId, const std::string &seatLabel,
                        const std::string &email) {
  pqxx::work tx(conn);
  pqxx::result r = tx.exec_params(
      "INSERT INTO box_office.seat_assignments (showing_id, seat_label, holder_email) "
      "VALUES ($1, $2, $3) ON CONFLICT (showing_id, seat_label) DO NOTHING",
      showingId, seatLabel, email);
  tx.commit();
  return r.affected_rows() == 1;
}

// case: unsafe
// FOR UPDATE through a nontransaction: the hold row's lock ends with the
// SELECT, so two releases of one hold both give its seats back.
void release_hold(pqxx::connection &conn, const std::string &holdToken) {
  pqxx::nontransaction n(conn);
  pqxx::result r = n.exec("SELECT showing_id, seats FROM box_office.holds WHERE token = " + n.quote(holdToken) + " FOR UPDATE"); // expect: dbrace-lock-without-transaction
  if (r.empty())
    return;
  const int showing = r[0]["showing_id"].as<int>();
  const int seats = r[0]["seats"].as<int>();
  n.exec_params("DELETE FROM box_office.holds WHERE token = $1", holdToken);
  n.exec_params("UPDATE box_office.showings SET seats_left = seats_left + $1 WHERE id = $2",
                seats, showing);
}

// case: safe
// Seat counts only collected for the listing page; nothing is written.
std::map<std::string, int> seats_by_showing(pqxx::connection &conn, const std::string &venue) {
  pqxx::nontransaction n(conn);
  std::map<std::string, int> out;
  pqxx::result rows = n.exec_params(
      "SELECT starts_at, seats_left FROM box_office.showings WHERE venue_code = $1 ORDER BY starts_at",
      venue);
  for (const auto &row : rows)
    out[row[0].as<std::string>()] = row[1].as<int>();
  return out;
}

} // namespace boxoffice
