// FLAGS: -isystem %inputs/pqxx
// Credits: daily bonuses, spending, tiers, transfers between members.
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>

namespace credits {

enum class Tier { Free, Pro, Team };

// case: unsafe
// A daily bonus granted twice when two requests arrive together.
bool claim_daily_bonus(pqxx::work &w, int account_id) {
  pqxx::row r = w.exec_params1("SELECT now() - last_bonus_at > interval '1 day' FROM accounts WHERE id = $1", // expect: dbrace-unlocked-read-update
                               account_id);
  if (!r[0].as<bool>())
    return false;
  w.exec_params("UPDATE accounts SET credits = credits + 10, last_bonus_at = now() WHERE id = $1", account_id);
  return true;
}

// case: safe
// The bonus condition is in the UPDATE and its row count is the answer.
bool claim_daily_bonus_atomic(pqxx::work &w, int account_id) {
  pqxx::result u = w.exec_params("UPDATE accounts SET credits = credits + 10, last_bonus_at = now() "
                                 "WHERE id = $1 AND last_bonus_at < now() - interval '1 day'",
                                 account_id);
  return u.affected_rows() == 1;
}

// case: unsafe
// A ?: chooses how much is debited from the value read.
void spend(pqxx::work &w, int account_id, int cost) {
  const int have = w.exec_params1("SELECT credits FROM accounts WHERE id = $1", account_id)[0].as<int>(); // expect: dbrace-unlocked-read-update
  const int debit = have >= cost ? cost : have;
  w.exec_params("UPDATE accounts SET credits = credits - $1 WHERE id = $2", debit, account_id);
}

// case: unsafe
// A switch over the tier read decides the new limit.
void upgrade_tier(pqxx::connection &c, int account_id) {
  pqxx::work w(c);
  const int tier = w.exec_params1("SELECT tier FROM accounts WHERE id = $1", account_id)[0].as<int>(); // expect: dbrace-unlocked-read-update
  switch (static_cast<Tier>(tier)) {
  case Tier::Free:
    w.exec_params("UPDATE accounts SET tier = 1, credits = credits + 100 WHERE id = $1", account_id);
    break;
  case Tier::Pro:
    w.exec_params("UPDATE accounts SET tier = 2, credits = credits + 500 WHERE id = $1", account_id);
    break;
  case Tier::Team:
    break;
  }
  w.commit();
}

// case: safe
// SERIALIZABLE through perform(): retried on serialization failure.
void spend_serializable(pqxx::connection &c, int account_id, int cost) {
  pqxx::perform([&c, account_id, cost] {
    pqxx::transaction<pqxx::serializable> w(c);
    const int have = w.exec_params1("SELECT credits FROM accounts WHERE id = $1", account_id)[0].as<int>();
    if (have < cost)
      throw std::runtime_error("not enough credits");
    w.exec_params("UPDATE accounts SET credits = $1 WHERE id = $2", have - cost, account_id);
    w.commit();
  });
}

// case: safe
// Write first, then read the result in the same transaction: the UPDATE's
// row lock is held from before the read until the commit or rollback.
bool spend_then_verify(pqxx::connection &c, int account_id, int cost) {
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET credits = credits - $1 WHERE id = $2", cost, account_id);
  const int left = w.exec_params1("SELECT credits FROM accounts WHERE id = $1", account_id)[0].as<int>();
  if (left < 0) {
    w.abort();
    return false;
  }
  w.exec_params("UPDATE accounts SET low_balance = $1 WHERE id = $2", left < 10, account_id);
  w.commit();
  return true;
}

// case: unsafe
// A flag computed from the value decides the write, several lines later.
void expire_credits(pqxx::work &w, int account_id) {
  pqxx::result r = w.exec_params("SELECT credits, expires_on < current_date FROM accounts WHERE id = $1", account_id); // expect: dbrace-unlocked-read-update
  bool expire = false;
  int amount = 0;
  if (!r.empty()) {
    expire = r[0][1].as<bool>();
    amount = r[0][0].as<int>();
  }
  if (expire && amount > 0)
    w.exec_params("UPDATE accounts SET credits = credits - $1 WHERE id = $2", amount, account_id);
}

// case: safe
// A gift between members: the sender's row is locked; the receiver's row is
// only added to.
void gift(pqxx::work &w, int from, int to, int amount) {
  const int have = w.exec_params1("SELECT credits FROM accounts WHERE id = $1 FOR UPDATE", from)[0].as<int>();
  if (have < amount)
    throw std::runtime_error("not enough credits");
  w.exec_params("UPDATE accounts SET credits = credits - $1 WHERE id = $2", amount, from);
  w.exec_params("UPDATE accounts SET credits = credits + $1 WHERE id = $2", amount, to);
}

// case: unsafe
// The lock is taken in the caller's autocommit handle: it ends at once.
void gift_autocommit(pqxx::nontransaction &n, int from, int to, int amount) {
  const int have = n.exec_params1("SELECT credits FROM accounts WHERE id = $1 FOR UPDATE", from)[0].as<int>(); // expect: dbrace-lock-without-transaction
  if (have < amount)
    return;
  n.exec_params("UPDATE accounts SET credits = credits - $1 WHERE id = $2", amount, from);
  n.exec_params("UPDATE accounts SET credits = credits + $1 WHERE id = $2", amount, to);
}

// case: safe
// A nested subtransaction inside a transaction whose read locked the row.
void spend_with_savepoint(pqxx::connection &c, int account_id, int cost) {
  pqxx::work w(c);
  const int have = w.exec_params1("SELECT credits FROM accounts WHERE id = $1 FOR UPDATE", account_id)[0].as<int>();
  if (have >= cost) {
    pqxx::subtransaction s(w);
    s.exec_params("UPDATE accounts SET credits = credits - $1 WHERE id = $2", cost, account_id);
    s.exec_params("INSERT INTO credit_spend_log (account_id, cost) VALUES ($1, $2)", account_id, cost);
    s.commit();
  }
  w.commit();
}

// case: unsafe
// The read is in the outer transaction without a lock; the write is in a
// subtransaction of it.
void spend_in_savepoint_unlocked(pqxx::connection &c, int account_id, int cost) {
  pqxx::work w(c);
  const int have = w.exec_params1("SELECT credits FROM accounts WHERE id = $1", account_id)[0].as<int>(); // expect: dbrace-unlocked-read-update
  if (have >= cost) {
    pqxx::subtransaction s(w);
    s.exec_params("UPDATE accounts SET credits = credits - $1 WHERE id = $2", cost, account_id);
    s.commit();
  }
  w.commit();
}

} // namespace credits
