// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/sqlpp11

#include <sqlpp11/postgresql/postgresql.h>
#include <sqlpp11/sqlpp11.h>
#include <cstdint>

#include <shop/tables.h> // What sqlpp11-ddl2cpp generates for the tables.

using Db = sqlpp::postgresql::connection;

// `.for_update()` at the end of the chain, in autocommit: the lock ends with
// the SELECT.
void book(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId).for_update()))
    // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'FOR UPDATE' on 'shop::Events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  // CHECK-NOTES: :[[@LINE-2]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:10: note: 'shop::Events' is updated here
}

// ---- Not flagged ----

// The same in a transaction.
void book_in_transaction(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db);
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId).for_update()))
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  tx.commit();
}
