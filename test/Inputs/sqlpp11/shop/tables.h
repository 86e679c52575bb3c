// What sqlpp11-ddl2cpp generates from the shop's schema (tables.sql), in
// the shape of sqlpp11 0.6x: one struct per column with its SQL name and
// the member it gives the table and the result rows.
#pragma once
#include <sqlpp11/sqlpp11.h>

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
struct Status {
  struct _alias_t {
    static constexpr const char _literal[] = "status";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T status;
      T &operator()() { return status; }
      const T &operator()() const { return status; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
} // namespace Events_
struct Events : sqlpp::table_t<Events, Events_::Id, Events_::AvailableSeats, Events_::Status> {
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

namespace Coupons_ {
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
struct UsesLeft {
  struct _alias_t {
    static constexpr const char _literal[] = "uses_left";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T usesLeft;
      T &operator()() { return usesLeft; }
      const T &operator()() const { return usesLeft; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
} // namespace Coupons_
struct Coupons : sqlpp::table_t<Coupons, Coupons_::Id, Coupons_::UsesLeft> {
  struct _alias_t {
    static constexpr const char _literal[] = "coupons";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T coupons;
      T &operator()() { return coupons; }
      const T &operator()() const { return coupons; }
    };
  };
};

namespace Products_ {
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
struct Stock {
  struct _alias_t {
    static constexpr const char _literal[] = "stock";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T stock;
      T &operator()() { return stock; }
      const T &operator()() const { return stock; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
struct Reserved {
  struct _alias_t {
    static constexpr const char _literal[] = "reserved";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T reserved;
      T &operator()() { return reserved; }
      const T &operator()() const { return reserved; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
} // namespace Products_
struct Products : sqlpp::table_t<Products, Products_::Id, Products_::Stock, Products_::Reserved> {
  struct _alias_t {
    static constexpr const char _literal[] = "products";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T products;
      T &operator()() { return products; }
      const T &operator()() const { return products; }
    };
  };
};

namespace Bookings_ {
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
struct EventId {
  struct _alias_t {
    static constexpr const char _literal[] = "event_id";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T eventId;
      T &operator()() { return eventId; }
      const T &operator()() const { return eventId; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
struct UserId {
  struct _alias_t {
    static constexpr const char _literal[] = "user_id";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T userId;
      T &operator()() { return userId; }
      const T &operator()() const { return userId; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
} // namespace Bookings_
struct Bookings : sqlpp::table_t<Bookings, Bookings_::Id, Bookings_::EventId, Bookings_::UserId> {
  struct _alias_t {
    static constexpr const char _literal[] = "bookings";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T bookings;
      T &operator()() { return bookings; }
      const T &operator()() const { return bookings; }
    };
  };
};

namespace AuditLog_ {
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
struct EventId {
  struct _alias_t {
    static constexpr const char _literal[] = "event_id";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T eventId;
      T &operator()() { return eventId; }
      const T &operator()() const { return eventId; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
struct Action {
  struct _alias_t {
    static constexpr const char _literal[] = "action";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T action;
      T &operator()() { return action; }
      const T &operator()() const { return action; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
} // namespace AuditLog_
struct AuditLog : sqlpp::table_t<AuditLog, AuditLog_::Id, AuditLog_::EventId, AuditLog_::Action> {
  struct _alias_t {
    static constexpr const char _literal[] = "audit_log";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T auditLog;
      T &operator()() { return auditLog; }
      const T &operator()() const { return auditLog; }
    };
  };
};

namespace Credits_ {
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
struct UserId {
  struct _alias_t {
    static constexpr const char _literal[] = "user_id";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T userId;
      T &operator()() { return userId; }
      const T &operator()() const { return userId; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
struct Amount {
  struct _alias_t {
    static constexpr const char _literal[] = "amount";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T amount;
      T &operator()() { return amount; }
      const T &operator()() const { return amount; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::integer>;
};
} // namespace Credits_
struct Credits : sqlpp::table_t<Credits, Credits_::Id, Credits_::UserId, Credits_::Amount> {
  struct _alias_t {
    static constexpr const char _literal[] = "credits";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T credits;
      T &operator()() { return credits; }
      const T &operator()() const { return credits; }
    };
  };
};

} // namespace shop
