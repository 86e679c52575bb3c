// XFAIL: *
// FIXME(core): `.for_update()` encloses the from() call that stands for the
// read (`select(...).from(t).where(...).for_update()`); the lock is searched
// only inside the read's call, so the locked read is still flagged. The lock
// should be looked for in the whole full expression of the read.
// FIXME(format): start_transaction(db, isolation_level::serializable) takes
// the level as an argument (no isolation_arg for calls).
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlpp11

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

// Not flagged: the locked read in the transaction that writes.
void book_locked(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db);
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId).for_update()))
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  tx.commit();
}

// Not flagged: SERIALIZABLE.
void book_serializable(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db, sqlpp::isolation_level::serializable);
  for (const auto &row : db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId)))
    if (row.availableSeats > 0)
      db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  tx.commit();
}
