// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlpp11

#include <sqlpp11/postgresql/postgresql.h>
#include <sqlpp11/sqlpp11.h>
#include <cstdint>
#include <stdexcept>

#include <shop/tables.h> // What sqlpp11-ddl2cpp generates for the tables.

using Db = sqlpp::postgresql::connection;

// Check-then-decrement in a transaction without a lock.
void book_seat(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db);
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId))) {
    // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'shop::Events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
    // CHECK-NOTES: :[[@LINE-2]]:9: note: the value read is checked here
    // CHECK-NOTES: :[[@LINE-2]]:10: note: 'shop::Events' is updated here
    // CHECK-NOTES: :[[@LINE-7]]:13: note: the transaction begins here
  }
  tx.commit();
}

// Read-modify-write: the new balance is computed in C++.
void pay(Db &db, std::int64_t walletId, std::int64_t amount) {
  const auto wallets = shop::Wallets{};
  auto tx = sqlpp::start_transaction(db);
  auto rows = db(sqlpp::select(wallets.balance).from(wallets).where(wallets.id == walletId));
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'shop::Wallets' is read without a lock
  std::int64_t balance = rows.front().balance;
  db(sqlpp::update(wallets).set(wallets.balance = balance - amount).where(wallets.id == walletId));
  // CHECK-NOTES: :[[@LINE-1]]:6: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:6: note: 'shop::Wallets' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:13: note: the transaction begins here
  tx.commit();
}

// Autocommit: no transaction at all.
void close_sold_out(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto rows = db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId));
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'shop::Events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (!rows.empty() && rows.front().availableSeats == 0)
    db(sqlpp::remove_from(events).where(events.id == eventId));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:8: note: 'shop::Events' is deleted from here
}

// ---- Not flagged ----

// The atomic conditional update, its affected rows checked; no read.
bool book_atomic(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  std::size_t n = db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId and events.availableSeats > 0));
  return n == 1;
}

// A read whose value is only shown.
std::int64_t show_seats(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto rows = db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId));
  db.execute("UPDATE events SET views = views + 1 WHERE id = 1");
  return rows.empty() ? 0 : static_cast<std::int64_t>(rows.front().availableSeats);
}

// A read of one table deciding a write of an unrelated one.
void refund_if_cancelled(Db &db, std::int64_t eventId, std::int64_t walletId) {
  const auto events = shop::Events{};
  const auto wallets = shop::Wallets{};
  auto tx = sqlpp::start_transaction(db);
  auto rows = db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId));
  if (rows.empty())
    db(sqlpp::update(wallets).set(wallets.balance = wallets.balance + 10).where(wallets.id == walletId));
  tx.commit();
}
