// FLAGS: -isystem %inputs/soci -isystem %corpus/include
// SOCI over PostgreSQL: seats, wallets, coupons, subscriptions and sign-up.
#include <chrono>
#include <curl/curl.h>
#include <soci/soci.h>
#include <stdexcept>
#include <string>
#include <thread>

namespace accounts {

// case: unsafe
// soci::transaction, into() and no lock.
bool book(soci::session &sql, int event_id) {
  soci::transaction tr(sql);
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id); // expect: dbrace-unlocked-read-update
  if (seats <= 0)
    return false;
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  tr.commit();
  return true;
}

// case: safe
// FOR UPDATE in the transaction.
bool book_locked(soci::session &sql, int event_id) {
  soci::transaction tr(sql);
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);
  if (seats <= 0)
    return false;
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  tr.commit();
  return true;
}

// case: safe
// A prepared conditional UPDATE and get_affected_rows().
bool book_atomic(soci::session &sql, int event_id) {
  soci::statement st = (sql.prepare << "UPDATE events SET available_seats = available_seats - 1 "
                                       "WHERE id = :id AND available_seats > 0",
                        soci::use(event_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

// case: unsafe
// A lost update: the balance computed in C++, begun on the session.
void withdraw(soci::session &sql, int wallet_id, long long amount) {
  sql.begin();
  long long balance = 0;
  sql << "SELECT balance FROM wallets WHERE id = :w", soci::into(balance), soci::use(wallet_id); // expect: dbrace-unlocked-read-update
  if (balance < amount) {
    sql.rollback();
    throw std::runtime_error("insufficient funds");
  }
  const long long next = balance - amount;
  sql << "UPDATE wallets SET balance = :b WHERE id = :w", soci::use(next), soci::use(wallet_id);
  sql.commit();
}

// case: safe
// Version column compared; the affected rows checked.
bool withdraw_versioned(soci::session &sql, int wallet_id, long long amount) {
  long long balance = 0;
  int version = 0;
  sql << "SELECT balance, version FROM wallets WHERE id = :w", soci::into(balance), soci::into(version),
      soci::use(wallet_id);
  if (balance < amount)
    return false;
  const long long next = balance - amount;
  soci::statement st = (sql.prepare << "UPDATE wallets SET balance = :b, version = version + 1 "
                                       "WHERE id = :w AND version = :v",
                        soci::use(next), soci::use(wallet_id), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1)
    throw std::runtime_error("wallet changed concurrently");
  return true;
}

// case: unsafe
// A coupon checked through a null indicator, autocommit.
bool redeem(soci::session &sql, const std::string &code) {
  int used = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT used FROM coupons WHERE code = :c", soci::into(used, ind), soci::use(code); // expect: dbrace-unlocked-read-update
  if (ind == soci::i_null || used != 0)
    return false;
  sql << "UPDATE coupons SET used = 1 WHERE code = :c", soci::use(code);
  return true;
}

// case: unsafe
// got_data() tells "no such user", then the insert.
bool sign_up(soci::session &sql, const std::string &email) {
  soci::transaction tr(sql);
  int id = 0;
  sql << "SELECT id FROM users WHERE email = :e", soci::into(id), soci::use(email); // expect: dbrace-check-then-insert
  if (sql.got_data())
    return false;
  sql << "INSERT INTO users (email) VALUES (:e)", soci::use(email);
  tr.commit();
  return true;
}

// case: safe
// ON CONFLICT DO NOTHING with RETURNING: got_data() says whether this
// request inserted.
bool sign_up_on_conflict(soci::session &sql, const std::string &email) {
  int id = 0;
  sql << "INSERT INTO users (email) VALUES (:e) ON CONFLICT (email) DO NOTHING RETURNING id", soci::into(id),
      soci::use(email);
  return sql.got_data();
}

// case: unsafe
// The two-step statement: exchange(into), prepare, execute.
void renew(soci::session &sql, int user_id, long long now) {
  soci::transaction tr(sql);
  long long expires = 0;
  soci::statement st(sql);
  st.exchange(soci::into(expires));
  st.exchange(soci::use(user_id));
  st.prepare("SELECT expires_at FROM subscriptions WHERE user_id = :u");
  st.execute(true); // expect: dbrace-unlocked-read-update
  const long long next = (expires > now ? expires : now) + 2592000;
  sql << "UPDATE subscriptions SET expires_at = :e WHERE user_id = :u", soci::use(next), soci::use(user_id);
  tr.commit();
}

// case: unsafe
// A rowset of the stock rows, each written from its value.
void clamp_negative_stock(soci::session &sql, int warehouse_id) {
  soci::transaction tr(sql);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT id, stock FROM products WHERE warehouse_id = :w", // expect: dbrace-unlocked-read-update
                                soci::use(warehouse_id));
  for (const soci::row &r : rs) {
    if (r.get<int>(1) < 0) {
      const int id = r.get<int>(0);
      sql << "UPDATE products SET stock = 0 WHERE id = :id", soci::use(id);
    }
  }
  tr.commit();
}

// case: unsafe
// Read before the transaction begins.
void pay_out(soci::session &sql, int member_id) {
  long long owed = 0;
  sql << "SELECT owed FROM members WHERE id = :m", soci::into(owed), soci::use(member_id); // expect: dbrace-read-outside-transaction
  if (owed <= 0)
    return;
  soci::transaction tr(sql);
  sql << "UPDATE members SET owed = 0 WHERE id = :m", soci::use(member_id);
  sql << "INSERT INTO payouts (member_id, amount) VALUES (:m, :a)", soci::use(member_id), soci::use(owed);
  tr.commit();
}

// case: unsafe
// FOR UPDATE in autocommit.
bool claim_task(soci::session &sql, int task_id, int worker) {
  int owner = 0;
  sql << "SELECT owner FROM tasks WHERE id = :t FOR UPDATE", soci::into(owner), soci::use(task_id); // expect: dbrace-lock-without-transaction
  if (owner != 0)
    return false;
  sql << "UPDATE tasks SET owner = :w WHERE id = :t", soci::use(worker), soci::use(task_id);
  return true;
}

// case: safe
// The task claimed by the UPDATE itself (SKIP LOCKED queue style), the
// affected rows checked; the read before it only fills a log line.
bool claim_task_atomic(soci::session &sql, int task_id, int worker) {
  std::string title;
  sql << "SELECT title FROM tasks WHERE id = :t", soci::into(title), soci::use(task_id);
  soci::statement st = (sql.prepare << "UPDATE tasks SET owner = :w WHERE id = :t AND owner = 0", soci::use(worker),
                        soci::use(task_id));
  st.execute(true);
  const int mine = st.get_affected_rows() == 1 ? 1 : 0;
  sql << "INSERT INTO task_log (task_id, title, claimed) VALUES (:t, :n, :c)", soci::use(task_id), soci::use(title),
      soci::use(mine);
  return mine == 1;
}

// case: safe
// Read of one table guarding a write of another.
void flag_vip(soci::session &sql, int user_id) {
  soci::transaction tr(sql);
  long long spent = 0;
  sql << "SELECT total_spent FROM customer_stats WHERE user_id = :u", soci::into(spent), soci::use(user_id);
  if (spent > 100000)
    sql << "UPDATE users SET vip = TRUE WHERE id = :u", soci::use(user_id);
  tr.commit();
}

// case: unsafe
// The task row stays locked while the worker sleeps.
void claim_and_wait(soci::session &sql, int task_id) {
  soci::transaction tr(sql);
  int owner = 0;
  sql << "SELECT owner FROM tasks WHERE id = :t FOR UPDATE", soci::into(owner), soci::use(task_id);
  if (owner == 0) {
    sql << "UPDATE tasks SET owner = -1 WHERE id = :t", soci::use(task_id);
    std::this_thread::sleep_for(std::chrono::seconds(2)); // expect: dbrace-slow-call-in-transaction
  }
  tr.commit();
}

// case: safe
// SERIALIZABLE set for the transaction, retried on failure.
bool transfer_serializable(soci::session &sql, int from, int to, long long amount) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      soci::transaction tr(sql);
      sql << "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE";
      long long balance = 0;
      sql << "SELECT balance FROM wallets WHERE id = :f", soci::into(balance), soci::use(from);
      if (balance < amount)
        return false;
      sql << "UPDATE wallets SET balance = balance - :a WHERE id = :f", soci::use(amount), soci::use(from);
      sql << "UPDATE wallets SET balance = balance + :a WHERE id = :t", soci::use(amount), soci::use(to);
      tr.commit();
      return true;
    } catch (const std::exception &) {
    }
  }
  return false;
}

} // namespace accounts
