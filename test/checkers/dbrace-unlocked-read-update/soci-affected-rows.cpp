// A conditional UPDATE whose row count is read through the library's
// affected-rows accessor (an `affected_rows` rule) checks for itself.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <soci/soci.h>

// A read that guards the same conditional update, its affected rows read
// through statement::get_affected_rows(): the write checks for itself.
bool book_checked_twice(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  if (seats <= 0)
    return false;
  soci::statement st = (sql.prepare << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id AND available_seats > 0", soci::use(event_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}
