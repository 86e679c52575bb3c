#ifndef TICKETS_SERVICE_TICKET_SERVICE_H
#define TICKETS_SERVICE_TICKET_SERVICE_H

#include <cstdint>

namespace tickets {
bool sellSeat(uint32_t eventId);
bool sellSeatInTransaction(uint32_t eventId);
bool sellSeatLocked(uint32_t eventId);
bool sellSeatAtomically(uint32_t eventId);
bool register_guest(uint32_t eventId, uint32_t guestId);
} // namespace tickets

#endif
