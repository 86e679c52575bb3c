// FLAGS: -isystem %inputs/odb -isystem %corpus/include
// ODB over PostgreSQL: persistent classes for events, wallets, coupons and
// users. Every operation runs in an odb::transaction, so what goes wrong is a
// missing lock or isolation, or a read in an earlier transaction.
#include <chrono>
#include <curl/curl.h>
#include <memory>
#include <odb/core.hxx>
#include <odb/database.hxx>
#include <odb/exceptions.hxx>
#include <odb/transaction.hxx>
#include <stdexcept>
#include <string>
#include <thread>

namespace booking {

#pragma db object
class Event {
public:
  int seats() const { return seats_; }
  void take(int n) { seats_ -= n; }
  bool on_sale() const { return on_sale_; }
  void set_on_sale(bool v) { on_sale_ = v; }

private:
  friend class odb::access;
#pragma db id auto
  unsigned long long id_ = 0;
  int seats_ = 0;
  bool on_sale_ = false;
};

#pragma db object
class Venue {
public:
  bool open() const { return open_; }

private:
  friend class odb::access;
#pragma db id auto
  unsigned long long id_ = 0;
  bool open_ = false;
};

#pragma db object optimistic
class Wallet {
public:
  long balance() const { return balance_; }
  void set_balance(long b) { balance_ = b; }

private:
  friend class odb::access;
#pragma db id auto
  unsigned long long id_ = 0;
#pragma db version
  unsigned long version_ = 0;
  long balance_ = 0;
};

#pragma db object
class Account {
public:
  long credits() const { return credits_; }
  void set_credits(long c) { credits_ = c; }

private:
  friend class odb::access;
#pragma db id auto
  unsigned long long id_ = 0;
  long credits_ = 0;
};

#pragma db object
class Coupon {
public:
  bool used() const { return used_; }
  void use() { used_ = true; }

private:
  friend class odb::access;
#pragma db id
  unsigned long long id_ = 0;
  std::string code_;
  bool used_ = false;
};

#pragma db object
class User {
public:
  explicit User(const std::string &email) : email_(email) {}
  User() = default;

private:
  friend class odb::access;
#pragma db id auto
  unsigned long long id_ = 0;
  std::string email_;
};

#pragma db object
class AuditEntry {
public:
  AuditEntry(const std::string &what, long value) : what_(what), value_(value) {}
  AuditEntry() = default;

private:
  friend class odb::access;
#pragma db id auto
  unsigned long long id_ = 0;
  std::string what_;
  long value_ = 0;
};

// case: unsafe
// load() takes no lock: both requests see the last seats.
bool book(odb::database &db, unsigned long long event_id, int n) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.load<Event>(event_id)); // expect: dbrace-unlocked-read-update
  if (e->seats() < n)
    return false;
  e->take(n);
  db.update(*e);
  t.commit();
  return true;
}

// case: safe
// A native query with FOR UPDATE locks the row.
bool book_locked(odb::database &db, unsigned long long event_id, int n) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(
      db.query_one<Event>(odb::query<Event>("id = " + std::to_string(event_id) + " FOR UPDATE")));
  if (!e || e->seats() < n)
    return false;
  e->take(n);
  db.update(*e);
  t.commit();
  return true;
}

// case: safe
// Native SQL: the UPDATE checks the seats itself, its row count is used.
bool book_native(odb::database &db, unsigned long long event_id, int n) {
  odb::transaction t(db.begin());
  const unsigned long long changed = db.execute("UPDATE \"Event\" SET seats = seats - " + std::to_string(n) +
                                                " WHERE id = " + std::to_string(event_id) + " AND seats >= " +
                                                std::to_string(n));
  t.commit();
  return changed == 1;
}

// case: safe
// SERIALIZABLE set as the transaction's first statement, retried.
bool book_serializable(odb::database &db, unsigned long long event_id, int n) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      odb::transaction t(db.begin());
      db.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
      std::unique_ptr<Event> e(db.load<Event>(event_id));
      if (e->seats() < n)
        return false;
      e->take(n);
      db.update(*e);
      t.commit();
      return true;
    } catch (const odb::exception &) {
    }
  }
  return false;
}

// case: unsafe
// The classic ODB shape: load in one transaction, change in memory, update
// in another.
void withdraw_two_transactions(odb::database &db, unsigned long long account_id, long amount) {
  std::unique_ptr<Account> a;
  {
    odb::transaction t(db.begin());
    a.reset(db.load<Account>(account_id)); // expect: dbrace-read-outside-transaction
    t.commit();
  }
  if (a->credits() < amount)
    throw std::runtime_error("insufficient credits");
  a->set_credits(a->credits() - amount);
  odb::transaction t(db.begin());
  db.update(*a);
  t.commit();
}

// case: safe
// Wallet is `optimistic`: update() compares the version and throws
// object_changed on a stale object; the caller reloads and retries.
void withdraw_optimistic(odb::database &db, unsigned long long wallet_id, long amount) {
  for (;;) {
    odb::transaction t(db.begin());
    std::unique_ptr<Wallet> w(db.load<Wallet>(wallet_id));
    if (w->balance() < amount)
      throw std::runtime_error("insufficient funds");
    w->set_balance(w->balance() - amount);
    try {
      db.update(*w);
      t.commit();
      return;
    } catch (const odb::object_changed &) {
      continue;
    }
  }
}

// case: unsafe
// A single-use coupon: two requests both load it unused and both apply it.
bool use_coupon(odb::database &db, unsigned long long coupon_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Coupon> c(db.find<Coupon>(coupon_id)); // expect: dbrace-unlocked-read-update
  if (!c || c->used())
    return false;
  c->use();
  db.update(*c);
  t.commit();
  return true;
}

// case: unsafe
// "No user with this e-mail, so persist one".
bool sign_up(odb::database &db, const std::string &email) {
  odb::transaction t(db.begin());
  odb::result<User> r(db.query<User>(odb::query<User>("email = '" + email + "'"))); // expect: dbrace-check-then-insert
  if (!r.empty())
    return false;
  User u(email);
  db.persist(u);
  t.commit();
  return true;
}

// case: safe
// The venue (another class) decides a write of the event.
void open_sales(odb::database &db, unsigned long long venue_id, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Venue> v(db.load<Venue>(venue_id));
  if (v->open())
    db.execute("UPDATE \"Event\" SET on_sale = TRUE WHERE id = " + std::to_string(event_id));
  t.commit();
}

// case: safe
// An unconditional audit entry records the balance read; the account is not
// written.
long audit_balance(odb::database &db, unsigned long long account_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Account> a(db.load<Account>(account_id));
  AuditEntry entry("balance-check", a->credits());
  db.persist(entry);
  t.commit();
  return a->credits();
}

// case: unsafe
// Credits raised to a floor computed in C++: a lost update.
void ensure_minimum(odb::database &db, unsigned long long account_id, long floor) {
  odb::transaction t(db.begin());
  Account a;
  db.load(account_id, a); // expect: dbrace-unlocked-read-update
  if (a.credits() < floor) {
    a.set_credits(floor);
    db.update(a);
  }
  t.commit();
}

static void notify_promoter(unsigned long long event_id) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://promoter.example/sold");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// case: unsafe
// The row stays locked while the promoter is called.
void book_and_notify(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(
      db.query_one<Event>(odb::query<Event>("id = " + std::to_string(event_id) + " FOR UPDATE")));
  if (e && e->seats() > 0) {
    e->take(1);
    db.update(*e);
    notify_promoter(event_id); // expect: dbrace-slow-call-in-transaction
  }
  t.commit();
}

// case: safe
// The promoter is called after the commit.
void book_then_notify(odb::database &db, unsigned long long event_id) {
  bool booked = false;
  {
    odb::transaction t(db.begin());
    std::unique_ptr<Event> e(
        db.query_one<Event>(odb::query<Event>("id = " + std::to_string(event_id) + " FOR UPDATE")));
    if (e && e->seats() > 0) {
      e->take(1);
      db.update(*e);
      booked = true;
    }
    t.commit();
  }
  if (booked)
    notify_promoter(event_id);
}

// case: unsafe
// A loop over the events on sale: each is changed from its loaded value.
void close_sold_out(odb::database &db) {
  odb::transaction t(db.begin());
  odb::result<Event> r(db.query<Event>(odb::query<Event>("on_sale = TRUE"))); // expect: dbrace-unlocked-read-update
  for (Event &e : r) {
    if (e.seats() <= 0) {
      e.set_on_sale(false);
      db.update(e);
    }
  }
  t.commit();
}

// case: safe
// A read for display only.
int seats_left(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.load<Event>(event_id));
  t.commit();
  return e->seats();
}

} // namespace booking
