// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: flight check-in
// and seat maps keyed by (flight_no, dep_date, seat_no), SOCI 4, real headers.
#include <soci/soci.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace checkin {

struct SeatView {
  std::string seat_no;
  std::string holder;
};

// Pages the gate agent through the paging script; waits for it to finish.
static int page_gate_agent(const std::string &flightNo, const std::string &message) {
  std::string cmd = "/opt/airline/bin/page-gate --flight '" + flightNo + "' --msg '" + message + "'";
  return std::system(cmd.c_str());
}

// Who holds a seat; a plain autocommit read used by several screens.
static std::string seat_holder(soci::session &sql, const std::string &flightNo,
                               const std::string &depDate, const std::string &seatNo) {
  std::string holder;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT holder_ref FROM ops.seat_map WHERE flight_no = :f AND dep_date = :d AND seat_no = :s",
      soci::into(holder, ind), soci::use(flightNo, "f"), soci::use(depDate, "d"), soci::use(seatNo, "s");
  return (sql.got_data() && ind == soci::i_ok) ? holder : std::string();
}

// case: unsafe
// Boarding passes are counted against the flight's capacity inside a
// transaction without any lock, then one is inserted: overbooking.
bool issue_boarding_pass(soci::session &sql, const std::string &flightNo, const std::string &depDate,
                         const std::string &bookingRef) {
  soci::transaction tr(sql);
  int capacity = 0;
  sql << "SELECT capacity FROM ops.flights WHERE flight_no = :f AND dep_date = :d",
      soci::into(capacity), soci::use(flightNo, "f"), soci::use(depDate, "d");
  int issued = 0;
  sql << "SELECT count(*) FROM ops.boarding_passes WHERE flight_no = :f AND dep_date = :d", soci::into(issued), soci::use(flightNo, "f"), soci::use(depDate, "d"); // expect: dbrace-check-then-insert
  if (issued >= capacity)
    return false;
  sql << "INSERT INTO ops.boarding_passes (flight_no, dep_date, booking_ref) VALUES (:f, :d, :b)",
      soci::use(flightNo, "f"), soci::use(depDate, "d"), soci::use(bookingRef, "b");
  tr.commit();
  return true;
}

// case: safe
// The flight (parent) row is locked FOR UPDATE before counting its boarding
// passes, so every issuer of this flight queues on that row.
bool issue_boarding_pass_locked(soci::session &sql, const std::string &flightNo,
                                const std::string &depDate, const std::string &bookingRef) {
  soci::transaction tr(sql);
  int capacity = 0;
  sql << "SELECT capacity FROM ops.flights WHERE flight_no = :f AND dep_date = :d FOR UPDATE",
      soci::into(capacity), soci::use(flightNo, "f"), soci::use(depDate, "d");
  int issued = 0;
  sql << "SELECT count(*) FROM ops.boarding_passes WHERE flight_no = :f AND dep_date = :d",
      soci::into(issued), soci::use(flightNo, "f"), soci::use(depDate, "d");
  if (issued >= capacity)
    return false;
  sql << "INSERT INTO ops.boarding_passes (flight_no, dep_date, booking_ref) VALUES (:f, :d, :b)",
      soci::use(flightNo, "f"), soci::use(depDate, "d"), soci::use(bookingRef, "b");
  tr.commit();
  return true;
}

// case: unsafe
// The seat row is locked correctly, but the gate agent is paged (a blocking
// external process, in a helper) before the commit.
bool block_seat_for_crew(soci::session &sql, const std::string &flightNo, const std::string &depDate,
                         const std::string &seatNo) {
  soci::transaction tr(sql);
  std::string state;
  sql << "SELECT state FROM ops.seat_map WHERE flight_no = :f AND dep_date = :d AND seat_no = :s FOR UPDATE",
      soci::into(state), soci::use(flightNo, "f"), soci::use(depDate, "d"), soci::use(seatNo, "s");
  if (state != "free")
    return false;
  sql << "UPDATE ops.seat_map SET state = 'crew' WHERE flight_no = :f AND dep_date = :d AND seat_no = :s",
      soci::use(flightNo, "f"), soci::use(depDate, "d"), soci::use(seatNo, "s");
  page_gate_agent(flightNo, "seat " + seatNo + " blocked for crew"); // expect: dbrace-slow-call-in-transaction
  tr.commit();
  return true;
}

// case: safe
// The seat map is only rendered for the check-in screen.
std::string render_seat_map(soci::session &sql, const std::string &flightNo, const std::string &depDate) {
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT seat_no, state FROM ops.seat_map "
                                                 "WHERE flight_no = :f AND dep_date = :d ORDER BY seat_no",
                                  soci::use(flightNo, "f"), soci::use(depDate, "d"));
  std::ostringstream out;
  for (const soci::row &r : rows)
    out << r.get<std::string>(0) << (r.get<std::string>(1) == "free" ? " . " : " X ");
  return out.str();
}

// case: unsafe
// The seat's holder is checked by an autocommit helper; the transaction
// that releases the seat begins after the check, so the seat may by then
// belong to another passenger.
bool release_seat(soci::session &sql, const std::string &flightNo, const std::string &depDate,
                  const std::string &seatNo, const std::string &passengerRef) {
  if (seat_holder(sql, flightNo, depDate, seatNo) != passengerRef) // expect: dbrace-read-outside-transaction
    return false;
  soci::transaction tr(sql);
  sql << "UPDATE ops.seat_map SET holder_ref = NULL, state = 'free' "
         "WHERE flight_no = :f AND dep_date = :d AND seat_no = :s",
      soci::use(flightNo, "f"), soci::use(depDate, "d"), soci::use(seatNo, "s");
  tr.commit();
  return true;
}

} // namespace checkin
