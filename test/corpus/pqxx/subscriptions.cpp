// FLAGS: -isystem %inputs/pqxx -isystem %corpus/include
// Subscriptions: renewals, trials, cancellations with refunds.
#include <curl/curl.h>
#include <pqxx/pqxx>
#include <string>

namespace subscriptions {

static const char kExpiry[] = "SELECT extract(epoch FROM expires_at)::bigint FROM subscriptions WHERE user_id = $1";
static const char kSetExpiry[] = "UPDATE subscriptions SET expires_at = to_timestamp($1) WHERE user_id = $2";

// case: unsafe
// Two renewals at once extend by one month only: the new expiry is computed
// from the old one in C++.
void renew(pqxx::connection &c, int user_id, long now) {
  pqxx::work w(c);
  long expires = w.exec_params1(kExpiry, user_id)[0].as<long>(); // expect: dbrace-unlocked-read-update
  const long base = expires > now ? expires : now;
  w.exec_params(kSetExpiry, base + 30L * 24 * 3600, user_id);
  w.commit();
}

// case: safe
// The database computes the expiry; the value read first is only returned
// for the confirmation page.
long renew_in_sql(pqxx::connection &c, int user_id) {
  pqxx::work w(c);
  long before = w.exec_params1(kExpiry, user_id)[0].as<long>();
  w.exec_params("UPDATE subscriptions SET expires_at = greatest(expires_at, now()) + interval '30 days' "
                "WHERE user_id = $1",
                user_id);
  w.commit();
  return before;
}

// case: unsafe
// "No subscription yet, so start a trial": two trials.
void start_trial(pqxx::work &w, int user_id) {
  pqxx::result r = w.exec_params("SELECT 1 FROM subscriptions WHERE user_id = $1", user_id); // expect: dbrace-check-then-insert
  if (r.empty())
    w.exec_params("INSERT INTO subscriptions (user_id, plan, expires_at) "
                  "VALUES ($1, 'trial', now() + interval '14 days')",
                  user_id);
}

// case: safe
// The unique key on user_id decides; the row count tells the caller.
bool start_trial_upsert(pqxx::work &w, int user_id) {
  pqxx::result r = w.exec_params("INSERT INTO subscriptions (user_id, plan, expires_at) "
                                 "VALUES ($1, 'trial', now() + interval '14 days') "
                                 "ON CONFLICT (user_id) DO NOTHING",
                                 user_id);
  return r.affected_rows() == 1;
}

// case: unsafe
// Cancel and refund: two cancellations both see 'active' and both refund.
void cancel_with_refund(pqxx::connection &c, int sub_id) {
  pqxx::work w(c);
  pqxx::row s = w.exec_params1("SELECT status, price_cents, user_id FROM subscriptions WHERE id = $1", sub_id); // expect: dbrace-unlocked-read-update
  if (s["status"].as<std::string>() != "active")
    return;
  w.exec_params("UPDATE subscriptions SET status = 'cancelled' WHERE id = $1", sub_id);
  w.exec_params("INSERT INTO refunds (user_id, amount_cents) VALUES ($1, $2)", s["user_id"].as<int>(),
                s["price_cents"].as<int>());
  w.commit();
}

// case: safe
// The state change is the guard: only the request that flipped the status
// refunds, using the price the UPDATE returned.
void cancel_with_refund_atomic(pqxx::connection &c, int sub_id) {
  pqxx::work w(c);
  pqxx::result u = w.exec_params("UPDATE subscriptions SET status = 'cancelled' WHERE id = $1 AND status = 'active' "
                                 "RETURNING price_cents, user_id",
                                 sub_id);
  if (u.affected_rows() == 0)
    return;
  w.exec_params("INSERT INTO refunds (user_id, amount_cents) VALUES ($1, $2)", u[0][1].as<int>(),
                u[0][0].as<int>());
  w.commit();
}

// case: unsafe
// The plan is read in a read-only transaction that ends before the upgrade
// is written.
void upgrade(pqxx::connection &c, int user_id, const std::string &plan) {
  std::string current;
  {
    pqxx::read_transaction r(c);
    current = r.exec_params1("SELECT plan FROM subscriptions WHERE user_id = $1", user_id)[0].as<std::string>(); // expect: dbrace-read-outside-transaction
  }
  if (current == plan)
    return;
  pqxx::work w(c);
  w.exec_params("UPDATE subscriptions SET plan = $1, previous_plan = $2 WHERE user_id = $3", plan, current, user_id);
  w.commit();
}

static void send_receipt(const std::string &email) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://mail.internal/send");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, email.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// case: unsafe
// The UPDATE holds the subscription row's lock while the receipt is mailed.
void renew_and_mail(pqxx::connection &c, int user_id, const std::string &email) {
  pqxx::work w(c);
  pqxx::result u = w.exec_params("UPDATE subscriptions SET expires_at = expires_at + interval '30 days' "
                                 "WHERE user_id = $1",
                                 user_id);
  if (u.affected_rows() == 1)
    send_receipt(email); // expect: dbrace-slow-call-in-transaction
  w.commit();
}

// case: safe
// The receipt is mailed once the transaction has committed.
void renew_then_mail(pqxx::connection &c, int user_id, const std::string &email) {
  pqxx::work w(c);
  pqxx::result u = w.exec_params("UPDATE subscriptions SET expires_at = expires_at + interval '30 days' "
                                 "WHERE user_id = $1",
                                 user_id);
  w.commit();
  if (u.affected_rows() == 1)
    send_receipt(email);
}

} // namespace subscriptions
