// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/sqlpp11

#include <sqlpp11/postgresql/postgresql.h>
#include <sqlpp11/sqlpp11.h>
#include <cstdint>

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
} // namespace shop

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
