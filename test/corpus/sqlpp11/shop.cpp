// FLAGS: -isystem %inputs/sqlpp11 -isystem %corpus/include
// sqlpp11 on PostgreSQL: a box office and shop written with the type-safe
// query builder. Statements are C++ expressions run by the connection's
// operator(); transactions come from sqlpp::start_transaction(), which
// returns a guard that rolls back in its destructor unless committed.
#include <shop/tables.h>
#include <curl/curl.h>
#include <sqlpp11/postgresql/postgresql.h>
#include <sqlpp11/sqlpp11.h>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace boxoffice {

using Db = sqlpp::postgresql::connection;

// case: unsafe
// Check-then-decrement of the seats in a transaction, without a lock: two
// requests can both see the last seat.
bool book_seat(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db);
  auto rows = db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId)); // expect: dbrace-unlocked-read-update
  if (rows.empty() || rows.front().availableSeats <= 0)
    return false;
  db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  tx.commit();
  return true;
}

// case: safe
// The same with the row locked: `.for_update()` ends the chain.
bool book_seat_locked(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto tx = sqlpp::start_transaction(db);
  auto rows = db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId).for_update());
  if (rows.empty() || rows.front().availableSeats <= 0)
    return false;
  db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId));
  tx.commit();
  return true;
}

// case: safe
// The update checks the seats itself and its row count says whether a seat
// was taken; the read after it only tells a sold-out event from a missing
// one.
enum class BookResult { Booked, SoldOut, NoSuchEvent };

BookResult book_seat_atomic(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  std::size_t updated = db(sqlpp::update(events).set(events.availableSeats = events.availableSeats - 1).where(events.id == eventId and events.availableSeats > 0));
  if (updated == 1)
    return BookResult::Booked;
  auto rows = db(sqlpp::select(events.id).from(events).where(events.id == eventId));
  return rows.empty() ? BookResult::NoSuchEvent : BookResult::SoldOut;
}

// case: unsafe
// The event's status is checked before the transaction that cancels it
// begins.
void cancel_event(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  auto rows = db(sqlpp::select(events.status).from(events).where(events.id == eventId)); // expect: dbrace-read-outside-transaction
  if (rows.empty() || rows.front().status != 0)
    throw std::runtime_error("event is not open");
  auto tx = sqlpp::start_transaction(db);
  db(sqlpp::update(events).set(events.status = 2).where(events.id == eventId));
  tx.commit();
}

// case: unsafe
// A wallet debited by read-modify-write with no transaction at all: the
// new balance is computed in C++, so a concurrent payment is lost.
void pay(Db &db, std::int64_t walletId, std::int64_t amount) {
  const auto wallets = shop::Wallets{};
  auto rows = db(sqlpp::select(wallets.balance).from(wallets).where(wallets.id == walletId)); // expect: dbrace-unlocked-read-update
  if (rows.empty())
    throw std::runtime_error("no such wallet");
  const std::int64_t balance = rows.front().balance;
  if (balance < amount)
    throw std::runtime_error("insufficient funds");
  db(sqlpp::update(wallets).set(wallets.balance = balance - amount).where(wallets.id == walletId));
}

// case: safe
// The same in a SERIALIZABLE transaction: PostgreSQL fails one of two
// concurrent payments, and the caller retries.
void pay_serializable(Db &db, std::int64_t walletId, std::int64_t amount) {
  const auto wallets = shop::Wallets{};
  auto tx = sqlpp::start_transaction(db, sqlpp::isolation_level::serializable);
  auto rows = db(sqlpp::select(wallets.balance).from(wallets).where(wallets.id == walletId));
  if (rows.empty())
    throw std::runtime_error("no such wallet");
  const std::int64_t balance = rows.front().balance;
  if (balance < amount)
    throw std::runtime_error("insufficient funds");
  db(sqlpp::update(wallets).set(wallets.balance = balance - amount).where(wallets.id == walletId));
  tx.commit();
}

// case: unsafe
// A helper returns the balance; the caller checks it and debits in its own
// transaction, without a lock.
namespace {
std::int64_t balance_of(Db &db, std::int64_t walletId) {
  const auto wallets = shop::Wallets{};
  auto rows = db(sqlpp::select(wallets.balance).from(wallets).where(wallets.id == walletId));
  return rows.empty() ? 0 : static_cast<std::int64_t>(rows.front().balance);
}
} // namespace

void transfer(Db &db, std::int64_t fromId, std::int64_t toId, std::int64_t amount) {
  const auto wallets = shop::Wallets{};
  auto tx = sqlpp::start_transaction(db);
  if (balance_of(db, fromId) < amount) // expect: dbrace-unlocked-read-update
    throw std::runtime_error("insufficient funds");
  db(sqlpp::update(wallets).set(wallets.balance = wallets.balance - amount).where(wallets.id == fromId));
  db(sqlpp::update(wallets).set(wallets.balance = wallets.balance + amount).where(wallets.id == toId));
  tx.commit();
}

// case: unsafe
// A coupon's uses left are read and locked in one transaction, and
// decremented in a later one: the lock is gone by then.
bool redeem_coupon(Db &db, std::int64_t couponId) {
  const auto coupons = shop::Coupons{};
  std::int64_t left = 0;
  {
    auto tx = sqlpp::start_transaction(db);
    auto rows = db(sqlpp::select(coupons.usesLeft).from(coupons).where(coupons.id == couponId).for_update()); // expect: dbrace-read-outside-transaction
    left = rows.empty() ? 0 : static_cast<std::int64_t>(rows.front().usesLeft);
    tx.commit();
  }
  if (left <= 0)
    return false;
  auto tx = sqlpp::start_transaction(db);
  db(sqlpp::update(coupons).set(coupons.usesLeft = left - 1).where(coupons.id == couponId));
  tx.commit();
  return true;
}

// case: safe
// The coupon locked and decremented in one transaction; `.for_update()`
// comes before where() in this chain.
bool redeem_coupon_locked(Db &db, std::int64_t couponId) {
  const auto coupons = shop::Coupons{};
  auto tx = sqlpp::start_transaction(db);
  auto rows = db(sqlpp::select(coupons.usesLeft).from(coupons).for_update().where(coupons.id == couponId));
  if (rows.empty() || rows.front().usesLeft <= 0)
    return false;
  db(sqlpp::update(coupons).set(coupons.usesLeft = rows.front().usesLeft - 1).where(coupons.id == couponId));
  tx.commit();
  return true;
}

// case: unsafe
// Sign-up: no booking of the user for the event yet, so one is inserted.
// Two requests can both find none; no row lock covers a row that does not
// exist.
bool sign_up(Db &db, std::int64_t eventId, std::int64_t userId) {
  const auto bookings = shop::Bookings{};
  auto tx = sqlpp::start_transaction(db);
  auto existing = db(sqlpp::select(bookings.id).from(bookings).where(bookings.eventId == eventId and bookings.userId == userId)); // expect: dbrace-check-then-insert
  if (!existing.empty())
    return false;
  db(sqlpp::insert_into(bookings).set(bookings.eventId = eventId, bookings.userId = userId));
  tx.commit();
  return true;
}

// case: safe
// The same check in a SERIALIZABLE transaction, retried on a serialization
// failure.
bool sign_up_serializable(Db &db, std::int64_t eventId, std::int64_t userId) {
  const auto bookings = shop::Bookings{};
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      auto tx = sqlpp::start_transaction(db, sqlpp::isolation_level::serializable);
      auto existing = db(sqlpp::select(bookings.id).from(bookings).where(bookings.eventId == eventId and bookings.userId == userId));
      if (!existing.empty())
        return false;
      db(sqlpp::insert_into(bookings).set(bookings.eventId = eventId, bookings.userId = userId));
      tx.commit();
      return true;
    } catch (const std::exception &) {
      // could not serialize access: try again
    }
  }
  return false;
}

// case: unsafe
// FOR UPDATE in autocommit: the lock is released as soon as the SELECT
// ends, before the stock is reserved.
std::int64_t reserve_stock(Db &db, std::int64_t productId, std::int64_t qty) {
  const auto products = shop::Products{};
  auto rows = db(sqlpp::select(products.stock).from(products).where(products.id == productId).for_update()); // expect: dbrace-lock-without-transaction
  if (rows.empty() || rows.front().stock < qty)
    return 0;
  db(sqlpp::update(products).set(products.stock = products.stock - qty, products.reserved = products.reserved + qty).where(products.id == productId));
  return qty;
}

// case: unsafe
// The supplier is called over HTTP while the product row is locked.
void reserve_with_supplier(Db &db, std::int64_t productId, std::int64_t qty) {
  const auto products = shop::Products{};
  auto tx = sqlpp::start_transaction(db);
  auto rows = db(sqlpp::select(products.stock).from(products).where(products.id == productId).for_update());
  if (rows.empty() || rows.front().stock < qty) {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, "https://supplier.example/reorder");
    curl_easy_perform(h); // expect: dbrace-slow-call-in-transaction
    curl_easy_cleanup(h);
    return;
  }
  db(sqlpp::update(products).set(products.stock = products.stock - qty).where(products.id == productId));
  tx.commit();
}

// case: safe
// The supplier is called after the commit, with no lock held.
void reserve_then_reorder(Db &db, std::int64_t productId, std::int64_t qty) {
  const auto products = shop::Products{};
  bool reorder = false;
  {
    auto tx = sqlpp::start_transaction(db);
    auto rows = db(sqlpp::select(products.stock).from(products).where(products.id == productId).for_update());
    if (!rows.empty() && rows.front().stock >= qty)
      db(sqlpp::update(products).set(products.stock = products.stock - qty).where(products.id == productId));
    else
      reorder = true;
    tx.commit();
  }
  if (reorder) {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, "https://supplier.example/reorder");
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

// case: unsafe
// Restocking in a transaction at READ COMMITTED: two requests can both see
// the low stock and both write their own total back.
void restock_if_low(Db &db, std::int64_t productId) {
  const auto products = shop::Products{};
  auto tx = sqlpp::start_transaction(db, sqlpp::isolation_level::read_committed);
  auto rows = db(sqlpp::select(products.stock).from(products).where(products.id == productId)); // expect: dbrace-unlocked-read-update
  if (!rows.empty() && rows.front().stock < 5)
    db(sqlpp::update(products).set(products.stock = rows.front().stock + 100).where(products.id == productId));
  tx.commit();
}

// case: safe
// A read only shown to the user; the audit row is inserted whatever it
// says.
std::int64_t seats_left(Db &db, std::int64_t eventId) {
  const auto events = shop::Events{};
  const auto audit = shop::AuditLog{};
  auto rows = db(sqlpp::select(events.availableSeats).from(events).where(events.id == eventId));
  db(sqlpp::insert_into(audit).set(audit.eventId = eventId, audit.action = 1));
  return rows.empty() ? 0 : static_cast<std::int64_t>(rows.front().availableSeats);
}

// case: safe
// A cancelled event's status decides a credit for the user: the event row
// is not written, and the credit is a new row of another table.
void compensate_if_cancelled(Db &db, std::int64_t eventId, std::int64_t userId) {
  const auto events = shop::Events{};
  const auto credits = shop::Credits{};
  auto tx = sqlpp::start_transaction(db);
  auto rows = db(sqlpp::select(events.status).from(events).where(events.id == eventId));
  if (!rows.empty() && rows.front().status == 2)
    db(sqlpp::insert_into(credits).set(credits.userId = userId, credits.amount = 500));
  tx.commit();
}

// case: unsafe
// A service class: a credit is spent in a transaction, its amount read
// without a lock.
class CreditService {
public:
  explicit CreditService(Db &db) : db_(db) {}

  bool spend(std::int64_t creditId, std::int64_t amount) {
    const auto credits = shop::Credits{};
    auto tx = sqlpp::start_transaction(db_);
    auto rows = db_(sqlpp::select(credits.amount).from(credits).where(credits.id == creditId)); // expect: dbrace-unlocked-read-update
    if (rows.empty() || rows.front().amount < amount)
      return false;
    db_(sqlpp::update(credits).set(credits.amount = credits.amount - amount).where(credits.id == creditId));
    tx.commit();
    return true;
  }

private:
  Db &db_;
};

// case: safe
// The same service with the credit row locked.
class LockedCreditService {
public:
  explicit LockedCreditService(Db &db) : db_(db) {}

  bool spend(std::int64_t creditId, std::int64_t amount) {
    const auto credits = shop::Credits{};
    auto tx = sqlpp::start_transaction(db_);
    auto rows = db_(sqlpp::select(credits.amount).from(credits).where(credits.id == creditId).for_update());
    if (rows.empty() || rows.front().amount < amount)
      return false;
    db_(sqlpp::update(credits).set(credits.amount = credits.amount - amount).where(credits.id == creditId));
    tx.commit();
    return true;
  }

private:
  Db &db_;
};

} // namespace boxoffice
