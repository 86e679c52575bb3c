// FLAGS: -isystem %inputs/nanodbc -isystem %corpus/include
// nanodbc over an ODBC driver for PostgreSQL: API credits, stock and
// subscriptions of a billing service.
#include <curl/curl.h>
#include <nanodbc/nanodbc.h>
#include <stdexcept>
#include <string>

namespace billing {

// case: unsafe
// Credits checked, then spent, in a transaction without a lock.
bool spend_credits(nanodbc::connection &conn, int account_id, int cost) {
  nanodbc::transaction tx(conn);
  nanodbc::result r = nanodbc::execute(conn, "SELECT credits FROM accounts WHERE id = " + std::to_string(account_id)); // expect: dbrace-unlocked-read-update
  if (!r.next() || r.get<int>(0) < cost)
    return false;
  nanodbc::just_execute(conn, "UPDATE accounts SET credits = credits - " + std::to_string(cost) +
                                  " WHERE id = " + std::to_string(account_id));
  tx.commit();
  return true;
}

// case: safe
// The same, the read locked.
bool spend_credits_locked(nanodbc::connection &conn, int account_id, int cost) {
  nanodbc::transaction tx(conn);
  nanodbc::result r =
      nanodbc::execute(conn, "SELECT credits FROM accounts WHERE id = " + std::to_string(account_id) + " FOR UPDATE");
  if (!r.next() || r.get<int>(0) < cost)
    return false;
  nanodbc::just_execute(conn, "UPDATE accounts SET credits = credits - " + std::to_string(cost) +
                                  " WHERE id = " + std::to_string(account_id));
  tx.commit();
  return true;
}

// case: safe
// The debit is its own guard; affected_rows() decides.
bool spend_credits_atomic(nanodbc::connection &conn, int account_id, int cost) {
  nanodbc::statement upd(conn, "UPDATE accounts SET credits = credits - ? WHERE id = ? AND credits >= ?");
  upd.bind(0, &cost);
  upd.bind(1, &account_id);
  upd.bind(2, &cost);
  nanodbc::result r = upd.execute();
  return r.affected_rows() == 1;
}

// case: unsafe
// Stock read with a prepared statement, the new level computed in C++ and
// bound to the UPDATE: a lost update.
void reserve_stock(nanodbc::connection &conn, int sku, int qty) {
  nanodbc::transaction tx(conn);
  nanodbc::statement sel(conn);
  nanodbc::prepare(sel, "SELECT on_hand FROM stock WHERE sku = ?");
  sel.bind(0, &sku);
  nanodbc::result r = nanodbc::execute(sel); // expect: dbrace-unlocked-read-update
  r.next();
  int left = r.get<int>(0) - qty;
  nanodbc::statement upd(conn, "UPDATE stock SET on_hand = ? WHERE sku = ?");
  upd.bind(0, &left);
  upd.bind(1, &sku);
  upd.just_execute();
  tx.commit();
}

// case: unsafe
// A subscription renewed from a status read in autocommit.
bool renew(nanodbc::connection &conn, int subscription_id) {
  nanodbc::statement sel(conn, "SELECT status FROM subscriptions WHERE id = ?");
  sel.bind(0, &subscription_id);
  nanodbc::result r = sel.execute(); // expect: dbrace-unlocked-read-update
  if (!r.next() || r.get<std::string>(0) != "active")
    return false;
  nanodbc::statement upd(conn, "UPDATE subscriptions SET renewals = renewals + 1, status = 'renewed' WHERE id = ?");
  upd.bind(0, &subscription_id);
  upd.just_execute();
  return true;
}

// case: safe
// The status transition is the guard, its row count checked.
bool renew_atomic(nanodbc::connection &conn, int subscription_id) {
  nanodbc::statement upd(conn,
                         "UPDATE subscriptions SET renewals = renewals + 1, status = 'renewed' "
                         "WHERE id = ? AND status = 'active'");
  upd.bind(0, &subscription_id);
  return upd.execute().affected_rows() == 1;
}

// case: unsafe
// "No trial yet for this account, so start one": no row lock covers the
// row to be inserted.
bool start_trial(nanodbc::connection &conn, int account_id) {
  nanodbc::transaction tx(conn);
  nanodbc::result r = nanodbc::execute(conn, "SELECT COUNT(*) FROM trials WHERE account_id = " + std::to_string(account_id)); // expect: dbrace-check-then-insert
  r.next();
  if (r.get<int>(0) > 0)
    return false;
  nanodbc::just_execute(conn, "INSERT INTO trials (account_id) VALUES (" + std::to_string(account_id) + ")");
  tx.commit();
  return true;
}

// case: safe
// The plan (another table) decides the account's quota.
void apply_plan(nanodbc::connection &conn, int plan_id, int account_id) {
  nanodbc::transaction tx(conn);
  nanodbc::result r = nanodbc::execute(conn, "SELECT monthly_credits FROM plans WHERE id = " + std::to_string(plan_id));
  if (r.next() && r.get<int>(0) > 0)
    nanodbc::just_execute(conn, "UPDATE accounts SET quota = " + std::to_string(r.get<int>(0)) +
                                    " WHERE id = " + std::to_string(account_id));
  tx.commit();
}

// case: safe
// The balance is read for an invoice line; an unconditional usage row is
// inserted.
int invoice_line(nanodbc::connection &conn, int account_id) {
  nanodbc::result r = nanodbc::execute(conn, "SELECT credits FROM accounts WHERE id = " + std::to_string(account_id));
  const int credits = r.next() ? r.get<int>(0) : 0;
  nanodbc::just_execute(conn, "INSERT INTO usage_log (account_id, credits_seen) VALUES (" +
                                  std::to_string(account_id) + ", " + std::to_string(credits) + ")");
  return credits;
}

static void charge_card(int account_id) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://payments.example/charge");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// case: unsafe
// The account row is locked while the card is charged over HTTP.
void top_up(nanodbc::connection &conn, int account_id, int credits) {
  nanodbc::transaction tx(conn);
  nanodbc::result r =
      nanodbc::execute(conn, "SELECT credits FROM accounts WHERE id = " + std::to_string(account_id) + " FOR UPDATE");
  if (r.next()) {
    charge_card(account_id); // expect: dbrace-slow-call-in-transaction
    nanodbc::just_execute(conn, "UPDATE accounts SET credits = credits + " + std::to_string(credits) +
                                    " WHERE id = " + std::to_string(account_id));
  }
  tx.commit();
}

// case: safe
// Different rows of one table: the parent account's credits decide a grant
// to the child account.
void grant_child(nanodbc::connection &conn, int parent_id, int child_id) {
  nanodbc::transaction tx(conn);
  nanodbc::statement sel(conn, "SELECT credits FROM accounts WHERE id = ?");
  sel.bind(0, &parent_id);
  nanodbc::result r = sel.execute();
  if (r.next() && r.get<int>(0) > 1000) {
    nanodbc::statement upd(conn, "UPDATE accounts SET credits = credits + 100 WHERE id = ?");
    upd.bind(0, &child_id);
    upd.just_execute();
  }
  tx.commit();
}

// case: safe
// A version column: the UPDATE compares the version read and its row count
// says whether another request came first.
bool change_plan(nanodbc::connection &conn, int subscription_id, int plan_id) {
  nanodbc::statement sel(conn, "SELECT version FROM subscriptions WHERE id = ?");
  sel.bind(0, &subscription_id);
  nanodbc::result r = sel.execute();
  if (!r.next())
    return false;
  int version = r.get<int>(0);
  nanodbc::statement upd(conn, "UPDATE subscriptions SET plan_id = ?, version = version + 1 WHERE id = ? AND version = ?");
  upd.bind(0, &plan_id);
  upd.bind(1, &subscription_id);
  upd.bind(2, &version);
  return upd.execute().affected_rows() == 1;
}

} // namespace billing
