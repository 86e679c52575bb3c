#include "service/ticket_service.h"
#include "dao/seat_dao.h"
#include "db/transaction.h"

namespace tickets {

// Race: two requests both see one seat left and both take it.
bool sellSeat(uint32_t eventId) {
  if (SeatDao::availableSeats(eventId) <= 0)
    return false;
  return SeatDao::takeSeat(eventId);
}

// Race: the transaction alone does not stop the second reader.
bool sellSeatInTransaction(uint32_t eventId) {
  DBTransaction transaction;
  if (!transaction.begin())
    return false;
  if (SeatDao::availableSeats(eventId) <= 0)
    return false;
  if (!SeatDao::takeSeat(eventId))
    return false;
  return transaction.commit();
}

// Safe: the row is locked from the read to the commit.
bool sellSeatLocked(uint32_t eventId) {
  DBTransaction transaction;
  if (!transaction.begin())
    return false;
  if (SeatDao::availableSeatsForUpdate(eventId) <= 0)
    return false;
  if (!SeatDao::takeSeat(eventId))
    return false;
  return transaction.commit();
}

// Safe: the UPDATE checks for itself and its row count is looked at.
bool sellSeatAtomically(uint32_t eventId) {
  return SeatDao::takeSeatIfAvailable(eventId);
}

// Race: two requests both find no booking and both insert one.
bool register_guest(uint32_t eventId, uint32_t guestId) {
  if (SeatDao::hasBooking(eventId, guestId))
    return false;
  return SeatDao::addBooking(eventId, guestId);
}

} // namespace tickets
