// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlpp11

#include <sqlpp11/postgresql/postgresql.h>
#include <sqlpp11/sqlpp11.h>
#include <cstdint>
#include <stdexcept>

// What sqlpp11-ddl2cpp generates for the tables.
namespace shop {
namespace Events_ {
struct Id {
  struct _alias_t {
    static constexpr const char _literal[] = "id";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T id;
      T &operator()() { return id; }
      const T &operator()() const { return id; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer, sqlpp::tag::must_not_insert, sqlpp::tag::must_not_update>;
};
struct AvailableSeats {
  struct _alias_t {
    static constexpr const char _literal[] = "available_seats";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T availableSeats;
      T &operator()() { return availableSeats; }
      const T &operator()() const { return availableSeats; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
} // namespace Events_
struct Events : sqlpp::table_t<Events, Events_::Id, Events_::AvailableSeats> {
  struct _alias_t {
    static constexpr const char _literal[] = "events";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T events;
      T &operator()() { return events; }
      const T &operator()() const { return events; }
    };
  };
};

namespace Wallets_ {
struct Id {
  struct _alias_t {
    static constexpr const char _literal[] = "id";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T id;
      T &operator()() { return id; }
      const T &operator()() const { return id; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer, sqlpp::tag::must_not_insert, sqlpp::tag::must_not_update>;
};
struct Balance {
  struct _alias_t {
    static constexpr const char _literal[] = "balance";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T balance;
      T &operator()() { return balance; }
      const T &operator()() const { return balance; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
} // namespace Wallets_
struct Wallets : sqlpp::table_t<Wallets, Wallets_::Id, Wallets_::Balance> {
  struct _alias_t {
    static constexpr const char _literal[] = "wallets";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T wallets;
      T &operator()() { return wallets; }
      const T &operator()() const { return wallets; }
    };
  };
};
} // namespace shop

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
