// FLAGS: -isystem %inputs/pqxx
// User sign-up: unique names, referral bonuses, invitations.
#include <exception>
#include <pqxx/pqxx>
#include <string>

namespace signup {

// case: unsafe
// "Name free, so insert": two accounts with one user name (no unique index).
bool register_user(pqxx::connection &c, const std::string &name, const std::string &email) {
  pqxx::work w(c);
  pqxx::result taken = w.exec_params("SELECT id FROM users WHERE username = $1", name); // expect: dbrace-check-then-insert
  if (!taken.empty())
    return false;
  w.exec_params("INSERT INTO users (username, email) VALUES ($1, $2)", name, email);
  w.commit();
  return true;
}

// case: unsafe
// REPEATABLE READ does not protect a check for a row that is not there.
bool register_user_rr(pqxx::connection &c, const std::string &email) {
  pqxx::transaction<pqxx::repeatable_read> w(c);
  const int n = w.exec_params1("SELECT count(*) FROM users WHERE email = $1", email)[0].as<int>(); // expect: dbrace-check-then-insert
  if (n != 0)
    return false;
  w.exec_params("INSERT INTO users (email) VALUES ($1)", email);
  w.commit();
  return true;
}

// case: safe
// SERIALIZABLE with a retry loop: the predicate read conflicts with the other
// request's insert and one of them is rolled back and retried.
bool register_user_serializable(pqxx::connection &c, const std::string &email) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      pqxx::transaction<pqxx::serializable> w(c);
      pqxx::result r = w.exec_params("SELECT 1 FROM users WHERE email = $1", email);
      if (!r.empty())
        return false;
      w.exec_params("INSERT INTO users (email) VALUES ($1)", email);
      w.commit();
      return true;
    } catch (const std::exception &) {
      continue;
    }
  }
  return false;
}

// case: safe
// The unique index decides; RETURNING tells whether this request won.
bool register_user_on_conflict(pqxx::work &w, const std::string &email) {
  pqxx::result r = w.exec_params(
      "INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO NOTHING RETURNING id", email);
  return !r.empty();
}

// case: safe
// A transaction-scoped advisory lock on the e-mail serialises sign-ups for
// it before the check.
bool register_user_advisory(pqxx::connection &c, const std::string &email) {
  pqxx::work w(c);
  w.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", email);
  pqxx::result r = w.exec_params("SELECT 1 FROM users WHERE email = $1", email);
  if (!r.empty())
    return false;
  w.exec_params("INSERT INTO users (email) VALUES ($1)", email);
  w.commit();
  return true;
}

// case: unsafe
// The same advisory lock in autocommit is released as soon as its SELECT
// ends, so the check and the insert run unprotected.
bool register_user_advisory_autocommit(pqxx::connection &c, const std::string &email) {
  pqxx::nontransaction n(c);
  n.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", email); // expect: dbrace-lock-without-transaction
  pqxx::result r = n.exec_params("SELECT 1 FROM users WHERE email = $1", email); // expect: dbrace-check-then-insert
  if (!r.empty())
    return false;
  n.exec_params("INSERT INTO users (email) VALUES ($1)", email);
  return true;
}

// case: safe
// A session-level advisory lock holds across autocommit statements until it
// is released.
bool register_user_session_lock(pqxx::connection &c, const std::string &email) {
  pqxx::nontransaction n(c);
  n.exec_params("SELECT pg_advisory_lock(hashtext($1))", email);
  bool created = false;
  pqxx::result r = n.exec_params("SELECT 1 FROM users WHERE email = $1", email);
  if (r.empty()) {
    n.exec_params("INSERT INTO users (email) VALUES ($1)", email);
    created = true;
  }
  n.exec_params("SELECT pg_advisory_unlock(hashtext($1))", email);
  return created;
}

// case: unsafe
// Referral bonus: the referrer's credits are read and written back.
void credit_referrer(pqxx::work &w, int referrer_id, int bonus) {
  pqxx::row r = w.exec_params1("SELECT credits FROM users WHERE id = $1", referrer_id); // expect: dbrace-unlocked-read-update
  const int credits = r[0].as<int>();
  w.exec_params("UPDATE users SET credits = $1 WHERE id = $2", credits + bonus, referrer_id);
}

// case: safe
// An unconditional sign-up log entry records the count read for the
// dashboard; nothing written depends on it otherwise.
void log_signup(pqxx::work &w, int user_id) {
  const long total = w.exec1("SELECT count(*) FROM users")[0].as<long>();
  w.exec_params("INSERT INTO signup_log (user_id, users_total) VALUES ($1, $2)", user_id, total);
}

// case: unsafe
// An invitation used as many times as requests arrive at once.
bool accept_invite(pqxx::connection &c, const std::string &token, const std::string &email) {
  pqxx::work w(c);
  pqxx::result inv = w.exec_params("SELECT id, accepted FROM invitations WHERE token = $1", token); // expect: dbrace-unlocked-read-update
  if (inv.empty() || inv[0]["accepted"].as<bool>())
    return false;
  w.exec_params("UPDATE invitations SET accepted = true WHERE id = $1", inv[0]["id"].as<int>());
  w.exec_params("INSERT INTO users (email) VALUES ($1)", email);
  w.commit();
  return true;
}

} // namespace signup
