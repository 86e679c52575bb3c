// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/sqlpp11

#include <sqlpp11/postgresql/postgresql.h>
#include <sqlpp11/sqlpp11.h>
#include <cstdint>

#include <shop/tables.h> // What sqlpp11-ddl2cpp generates for the tables.

using Db = sqlpp::postgresql::connection;

// The check runs before the transaction that writes begins.
void book_seat(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto rows = db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId));
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'shop::Events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (rows.empty() || rows.front().availableSeats <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  auto tx = sqlpp::start_transaction(db);
  db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  // CHECK-NOTES: :[[@LINE-1]]:6: note: 'shop::Events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:13: note: the transaction begins here
  tx.commit();
}
