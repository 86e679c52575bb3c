#include "dao/seat_dao.h"
#include "db/database.h"

#include <cstdlib>
#include <sstream>

namespace {
/// The first column of the first row as a number, or -1; frees the result.
int64_t firstNumber(MYSQL_RES *result) {
  if (!result)
    return -1;
  MYSQL_ROW row = mysql_fetch_row(result);
  int64_t value = row && row[0] ? std::strtoll(row[0], nullptr, 10) : -1;
  mysql_free_result(result);
  return value;
}
} // namespace

int64_t SeatDao::availableSeats(uint32_t eventId) {
  std::ostringstream query;
  query << "SELECT available FROM events WHERE id = " << eventId;
  return firstNumber(Database::instance().storeQuery(query.str()));
}

int64_t SeatDao::availableSeatsForUpdate(uint32_t eventId) {
  std::ostringstream query;
  query << "SELECT available FROM events WHERE id = " << eventId
        << " FOR UPDATE";
  return firstNumber(Database::instance().storeQuery(query.str()));
}

bool SeatDao::takeSeat(uint32_t eventId) {
  std::ostringstream query;
  query << "UPDATE events SET available = available - 1 WHERE id = "
        << eventId;
  return Database::instance().executeQuery(query.str());
}

bool SeatDao::takeSeatIfAvailable(uint32_t eventId) {
  std::ostringstream query;
  query << "UPDATE events SET available = available - 1 WHERE id = "
        << eventId << " AND available > 0";
  Database &db = Database::instance();
  return db.executeQuery(query.str()) && db.affectedRows() == 1;
}

bool SeatDao::hasBooking(uint32_t eventId, uint32_t guestId) {
  std::ostringstream query;
  query << "SELECT COUNT(*) FROM bookings WHERE event_id = " << eventId
        << " AND guest_id = " << guestId;
  return firstNumber(Database::instance().storeQuery(query.str())) > 0;
}

bool SeatDao::addBooking(uint32_t eventId, uint32_t guestId) {
  std::ostringstream query;
  query << "INSERT INTO bookings (event_id, guest_id) VALUES (" << eventId
        << ", " << guestId << ")";
  return Database::instance().executeQuery(query.str());
}
