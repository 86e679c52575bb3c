// sqlpp11: where the builder chain puts `.for_update()`, and the isolation
// level given to start_transaction().
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlpp11

#include <sqlpp11/postgresql/postgresql.h>
#include <sqlpp11/sqlpp11.h>
#include <cstdint>

#include <shop/tables.h> // What sqlpp11-ddl2cpp generates for the tables.

using Db = sqlpp::postgresql::connection;

// ---- Flagged: the same shapes without the lock or the isolation ----

// No `.for_update()` on the select.
void book_unlocked(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db);
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId)))
    // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'shop::Events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  // CHECK-NOTES: :[[@LINE-2]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:10: note: 'shop::Events' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:13: note: the transaction begins here
  tx.commit();
}

// An isolation level given, but not SERIALIZABLE.
void book_read_committed(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db, sqlpp::isolation_level::read_committed);
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId)))
    // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'shop::Events' is read without a lock and then written based on the value; the transaction alone
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  // CHECK-NOTES: :[[@LINE-2]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:10: note: 'shop::Events' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:13: note: the transaction begins here
  tx.commit();
}

// The lock of another select in the same statement does not lock this one.
void pay_other_locked(Db &db, std::int64_t walletId, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db);
  auto seats = db(sqlpp::select(events.availableSeats).from(events).where(events.id == walletId)).front().availableSeats + db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId).for_update()).front().availableSeats;
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'shop::Events' is read without a lock and then written based on the value; the transaction alone
  db(sqlpp::update(events).set(events.availableSeats = seats - 1).where(events.id == walletId));
  // CHECK-NOTES: :[[@LINE-1]]:6: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:6: note: 'shop::Events' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:13: note: the transaction begins here
  tx.commit();
}

// ---- Not flagged ----

// The locked read in the transaction that writes: `.for_update()` ends the
// chain, after from() and where().
void book_locked(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db);
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId).for_update()))
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  tx.commit();
}

// `.for_update()` before from().
void book_locked_early(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db);
  for (const auto &row : db(sqlpp::select(events.availableSeats).for_update().from(events).where(events.id == eventId)))
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  tx.commit();
}

// SERIALIZABLE, given to start_transaction().
void book_serializable(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db, sqlpp::isolation_level::serializable);
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId)))
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  tx.commit();
}

// SERIALIZABLE through the connector's own call.
void book_serializable_connector(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  db.start_transaction(sqlpp::isolation_level::serializable);
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId)))
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  db.commit_transaction();
}
