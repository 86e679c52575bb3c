// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/sqlpp11

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
