// FLAGS: -isystem %inputs/poco
// POCO Data prepared Statement objects and session settings in a hotel
// booking back end over MySQL.
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <stdexcept>
#include <string>

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace hotel {

// case: unsafe
// A Statement prepared with into() and use(), run by execute(): the
// rooms left are checked, then decremented.
bool book_room(Session &session, int room_type) {
  Poco::Data::Transaction tx(session);
  int left = 0;
  Statement sel(session);
  sel << "SELECT rooms_left FROM room_types WHERE id = ?", into(left), use(room_type);
  sel.execute(); // expect: dbrace-unlocked-read-update
  if (left <= 0)
    return false;
  session << "UPDATE room_types SET rooms_left = rooms_left - 1 WHERE id = ?", use(room_type), now;
  tx.commit();
  return true;
}

// case: safe
// The same Statement with FOR UPDATE.
bool book_room_locked(Session &session, int room_type) {
  Poco::Data::Transaction tx(session);
  int left = 0;
  Statement sel(session);
  sel << "SELECT rooms_left FROM room_types WHERE id = ? FOR UPDATE", into(left), use(room_type);
  sel.execute();
  if (left <= 0)
    return false;
  session << "UPDATE room_types SET rooms_left = rooms_left - 1 WHERE id = ?", use(room_type), now;
  tx.commit();
  return true;
}

// case: safe
// SERIALIZABLE set on the session before the transaction begins.
void add_nights(Session &session, int booking, int nights) {
  session.setTransactionIsolation(Session::TRANSACTION_SERIALIZABLE);
  Poco::Data::Transaction tx(session);
  int total = 0;
  session << "SELECT nights FROM bookings WHERE id = ?", into(total), use(booking), now;
  total += nights;
  session << "UPDATE bookings SET nights = ? WHERE id = ?", use(total), use(booking), now;
  tx.commit();
}

// case: unsafe
// READ COMMITTED on the session: the lost update stays.
void add_nights_read_committed(Session &session, int booking, int nights) {
  session.setTransactionIsolation(Session::TRANSACTION_READ_COMMITTED);
  Poco::Data::Transaction tx(session);
  int total = 0;
  session << "SELECT nights FROM bookings WHERE id = ?", into(total), use(booking), now; // expect: dbrace-unlocked-read-update
  total += nights;
  session << "UPDATE bookings SET nights = ? WHERE id = ?", use(total), use(booking), now;
  tx.commit();
}

// case: safe
// Different rows: the group leader's discount is read, a guest's booking
// written.
void apply_group_discount(Session &session, int leader_booking, int guest_booking) {
  Poco::Data::Transaction tx(session);
  int discount = 0;
  session << "SELECT discount FROM bookings WHERE id = ?", into(discount), use(leader_booking), now;
  if (discount > 0)
    session << "UPDATE bookings SET discount = ? WHERE id = ?", use(discount), use(guest_booking), now;
  tx.commit();
}

// case: safe
// A Statement's execute() count checks the conditional UPDATE.
bool release_room(Session &session, int room_type, int capacity) {
  int left = 0;
  session << "SELECT rooms_left FROM room_types WHERE id = ?", into(left), use(room_type), now;
  if (left >= capacity)
    return false;
  Statement upd(session);
  upd << "UPDATE room_types SET rooms_left = rooms_left + 1 WHERE id = ? AND rooms_left < ?", use(room_type),
      use(capacity);
  return upd.execute() == 1;
}

// case: unsafe
// A statement built with `session << ...` and run later by execute(): the
// loyalty nights are read and written back from C++.
void add_loyalty_nights(Session &session, int guest, int nights) {
  session.begin();
  int total = 0;
  Statement sel = (session << "SELECT loyalty_nights FROM guests WHERE id = ?", into(total), use(guest));
  sel.execute(); // expect: dbrace-unlocked-read-update
  total += nights;
  Statement upd = (session << "UPDATE guests SET loyalty_nights = ? WHERE id = ?", use(total), use(guest));
  upd.execute();
  session.commit();
}

// case: safe
// The same statements, the read locked.
void add_loyalty_nights_locked(Session &session, int guest, int nights) {
  session.begin();
  int total = 0;
  Statement sel = (session << "SELECT loyalty_nights FROM guests WHERE id = ? FOR UPDATE", into(total), use(guest));
  sel.execute();
  total += nights;
  Statement upd = (session << "UPDATE guests SET loyalty_nights = ? WHERE id = ?", use(total), use(guest));
  upd.execute();
  session.commit();
}

} // namespace hotel
