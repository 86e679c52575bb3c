// Data access for events and bookings; SQL built with std::ostringstream.
#ifndef TICKETS_DAO_SEAT_DAO_H
#define TICKETS_DAO_SEAT_DAO_H

#include <cstdint>

class SeatDao {
public:
  /// The seats left, or -1.
  static int64_t availableSeats(uint32_t eventId);
  /// The same, locking the event's row until the transaction ends.
  static int64_t availableSeatsForUpdate(uint32_t eventId);
  static bool takeSeat(uint32_t eventId);
  /// Takes a seat only if one is left; false if none was.
  static bool takeSeatIfAvailable(uint32_t eventId);

  static bool hasBooking(uint32_t eventId, uint32_t guestId);
  static bool addBooking(uint32_t eventId, uint32_t guestId);
};

#endif
