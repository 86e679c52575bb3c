// sqlpp11: an update whose where() compares a guard column, with its row
// count ignored, is still a race; the read's value decided it.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlpp11

#include <sqlpp11/postgresql/postgresql.h>
#include <sqlpp11/sqlpp11.h>
#include <cstdint>

#include <shop/tables.h> // What sqlpp11-ddl2cpp generates for the tables.

using Db = sqlpp::postgresql::connection;

// Flagged: the same update with its row count ignored.
void book_blind(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto rows = db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId));
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'shop::Events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (rows.empty() || rows.front().availableSeats <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId and events.availableSeats > 0));
  // CHECK-NOTES: :[[@LINE-1]]:6: note: 'shop::Events' is updated here
}
