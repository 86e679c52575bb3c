// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: product
// subscriptions keyed by (account_email, product_slug), real SQLiteCpp headers.
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>

namespace subs {

struct Subscription {
  int64_t id = 0;
  std::string status;
  std::string renews_on;
  int seats = 0;
  int revision = 0;
};

// In-process token bucket in front of the billing API; tryAcquire() never blocks.
class RateLimiter {
public:
  bool tryAcquire();
};

static const char *kFindSubscription =
    "SELECT id, status, renews_on, seats, revision FROM subscriptions "
    "WHERE account_email = ? AND product_slug = ?";

class SubscriptionRepo {
public:
  explicit SubscriptionRepo(SQLite::Database &db) : db_(db), find_(db, kFindSubscription) {}

  std::optional<Subscription> find(const std::string &email, const std::string &slug) {
    find_.reset();
    find_.bind(1, email);
    find_.bind(2, slug);
    if (!find_.executeStep())
      return std::nullopt;
    Subscription s;
    s.id = find_.getColumn(0).getInt64();
    s.status = find_.getColumn(1).getString();
    s.renews_on = find_.getColumn(2).getString();
    s.seats = find_.getColumn(3).getInt();
    s.revision = find_.getColumn(4).getInt();
    return s;
  }

  // case: unsafe
  // The IMMEDIATE transaction protects the read, but while it is open the
  // renewal waits for the rate limiter with sleep_for: the whole database
  // stays write-locked during the back-off.
  bool renew(const std::string &email, const std::string &slug, const std::string &nextDate,
             RateLimiter &limiter) {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    std::optional<Subscription> sub = find(email, slug);
    if (!sub || sub->status != "active")
      return false;
    for (int attempt = 0; !limiter.tryAcquire(); ++attempt) {
      if (attempt == 5)
        return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(200 << attempt)); // expect: dbrace-slow-call-in-transaction
    }
    SQLite::Statement upd(db_, "UPDATE subscriptions SET renews_on = ? WHERE id = ?");
    upd.bind(1, nextDate);
    upd.bind(2, sub->id);
    upd.exec();
    tx.commit();
    return true;
  }

  // case: safe
  // Seat change with a revision column: read in autocommit, the UPDATE
  // compares and advances revision, and its change count is checked.
  bool changeSeats(const std::string &email, const std::string &slug, int delta) {
    std::optional<Subscription> sub = find(email, slug);
    if (!sub || sub->seats + delta < 1)
      return false;
    SQLite::Statement upd(db_,
                          "UPDATE subscriptions SET seats = ?, revision = revision + 1 "
                          "WHERE id = ? AND revision = ?");
    upd.bind(1, sub->seats + delta);
    upd.bind(2, sub->id);
    upd.bind(3, sub->revision);
    return upd.exec() == 1;
  }

  // case: unsafe
  // Upsert by hand in a deferred transaction: the row found is updated by
  // its id (fine), but when none is found two requests both insert one.
  void addSeats(const std::string &email, const std::string &slug, int seats) {
    SQLite::Transaction tx(db_);
    SQLite::Statement q(db_, "SELECT id FROM subscriptions WHERE account_email = ? AND product_slug = ?");
    q.bind(1, email);
    q.bind(2, slug);
    if (q.executeStep()) { // expect: dbrace-check-then-insert
      const int64_t id = q.getColumn(0).getInt64();
      SQLite::Statement upd(db_, "UPDATE subscriptions SET seats = seats + ? WHERE id = ?");
      upd.bind(1, seats);
      upd.bind(2, id);
      upd.exec();
    } else {
      SQLite::Statement ins(db_,
                            "INSERT INTO subscriptions (account_email, product_slug, status, seats, revision) "
                            "VALUES (?, ?, 'active', ?, 0)");
      ins.bind(1, email);
      ins.bind(2, slug);
      ins.bind(3, seats);
      ins.exec();
    }
    tx.commit();
  }

private:
  SQLite::Database &db_;
  SQLite::Statement find_;
};

// case: safe
// The unique index on (account_email, product_slug) settles the race:
// ON CONFLICT DO NOTHING, and exec() says whether this call created it.
bool start_trial(SQLite::Database &db, const std::string &email, const std::string &slug) {
  SQLite::Statement ins(db,
                        "INSERT INTO subscriptions (account_email, product_slug, status, seats, revision) "
                        "VALUES (?, ?, 'trial', 1, 0) ON CONFLICT (account_email, product_slug) DO NOTHING");
  ins.bind(1, email);
  ins.bind(2, slug);
  return ins.exec() == 1;
}

// case: safe
// The plan's tier decides what goes into usage_events, another table; the
// subscription row is never written here.
void record_usage(SQLite::Database &db, const std::string &email, const std::string &slug,
                  int units) {
  SQLite::Statement q(db, "SELECT status, seats FROM subscriptions WHERE account_email = ? AND product_slug = ?");
  q.bind(1, email);
  q.bind(2, slug);
  const bool billable = q.executeStep() && q.getColumn(0).getString() == "active";
  SQLite::Statement ins(db, "INSERT INTO usage_events (account_email, product_slug, units, billable) VALUES (?, ?, ?, ?)");
  ins.bind(1, email);
  ins.bind(2, slug);
  ins.bind(3, units);
  ins.bind(4, billable ? 1 : 0);
  ins.exec();
}

} // namespace subs
