// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <pqxx/pqxx>
#include <string>

// FOR SHARE: both requests hold the shared lock and read one value; each
// one's update then waits for the other's lock, and one fails on a deadlock.
void book_shared(pqxx::work &w, int event) {
  pqxx::row r = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR SHARE", event);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'events' is read with 'FOR SHARE' and then written based on the value; a concurrent request can take the same shared lock and read the same value, and then one of the two writes fails on a deadlock [dbrace-unlocked-read-update]
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", event);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:17: note: lock the row with 'FOR UPDATE' instead, so that a concurrent request waits for this one to end
}

// FOR KEY SHARE does not even block an update that keeps the key.
void pay_key_share(pqxx::work &w, int wallet, int amount) {
  int balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR KEY SHARE", wallet)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read with 'FOR KEY SHARE' and then written based on the value; that lock does not block an update of the row, so a concurrent request can change it before this one writes [dbrace-unlocked-read-update]
  w.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", balance - amount, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-5]]:17: note: lock the row with 'FOR UPDATE' instead
}
// CHECK-FIXES: int balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR KEY SHARE", wallet)[0].as<int>();

// A CTE without a lock: a lock clause after the outer SELECT would not lock
// the CTE's rows, so no fix-it is offered.
void spend_cte(pqxx::work &w, int account) {
  pqxx::row r = w.exec_params1("WITH a AS (SELECT credits FROM accounts WHERE id = $1) SELECT credits FROM a", account);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'accounts' is read without a lock and then written based on the value
  if (r[0].as<int>() >= 1)
    w.exec_params("UPDATE accounts SET credits = credits - 1 WHERE id = $1", account);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'accounts' is updated here
}
// CHECK-FIXES: pqxx::row r = w.exec_params1("WITH a AS (SELECT credits FROM accounts WHERE id = $1) SELECT credits FROM a", account);

// `id = ANY($1)` finds the rows; it re-checks nothing the read decided, so
// the row count does not make the update safe.
bool empty_wallets(pqxx::work &w, const std::string &ids) {
  pqxx::result r = w.exec_params("SELECT id, balance FROM wallets WHERE id = ANY($1)", ids);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'wallets' is read without a lock and then written based on the value
  long total = 0;
  for (const auto &row : r)
    total += row[1].as<long>();
  if (total < 100)
    return false;
  pqxx::result u = w.exec_params("UPDATE wallets SET balance = 0 WHERE id = ANY($1)", ids);
  // CHECK-NOTES: :[[@LINE-3]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:20: note: 'wallets' is updated here
  return u.affected_rows() > 0;
}
// CHECK-FIXES: pqxx::result r = w.exec_params("SELECT id, balance FROM wallets WHERE id = ANY($1) FOR UPDATE", ids);

// One of a set's values may be the row another key finds.
void top_up_one(pqxx::work &w, const std::string &ids, int one) {
  pqxx::result r = w.exec_params("SELECT balance FROM wallets WHERE id = ANY($1)", ids);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'wallets' is read without a lock and then written based on the value
  if (r.size() > 0 && r[0][0].as<int>() < 10)
    w.exec_params("UPDATE wallets SET balance = balance + 10 WHERE id = $1", one);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'wallets' is updated here
}
// CHECK-FIXES: pqxx::result r = w.exec_params("SELECT balance FROM wallets WHERE id = ANY($1) FOR UPDATE", ids);

// ---- Not flagged ----

// The lock is taken inside the CTE: the rows stay locked to the commit.
void spend_locked_cte(pqxx::work &w, int account) {
  pqxx::row r = w.exec_params1("WITH locked AS (SELECT credits FROM accounts WHERE id = $1 FOR UPDATE) SELECT credits FROM locked", account);
  if (r[0].as<int>() >= 1)
    w.exec_params("UPDATE accounts SET credits = credits - 1 WHERE id = $1", account);
}

// The same in a FROM subquery.
void spend_locked_subquery(pqxx::work &w, int account) {
  pqxx::row r = w.exec_params1("SELECT s.credits FROM (SELECT credits FROM accounts WHERE id = $1 FOR UPDATE) s", account);
  if (r[0].as<int>() >= 1)
    w.exec_params("UPDATE accounts SET credits = credits - 1 WHERE id = $1", account);
}

// FOR NO KEY UPDATE conflicts with itself: the second request waits.
void book_no_key(pqxx::work &w, int event) {
  pqxx::row r = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR NO KEY UPDATE", event);
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", event);
}

// A batch update through unnest that compares each row's version, which it
// advances, and checks the row count: a stale row is not written.
bool save_batch(pqxx::work &w, const std::string &ids, const std::string &stocks) {
  pqxx::result r = w.exec_params("SELECT i.id, i.version FROM items i JOIN unnest($1::int[]) AS u(id) ON i.id = u.id", ids);
  std::string versions;
  for (const auto &row : r)
    versions += row[1].c_str();
  pqxx::result u = w.exec_params(
      "UPDATE items SET stock = u.stock, version = items.version + 1 "
      "FROM unnest($1::int[], $2::int[], $3::int[]) AS u(id, stock, version) "
      "WHERE items.id = u.id AND items.version = u.version",
      ids, stocks, versions);
  return u.affected_rows() == r.size();
}

// A set-returning function reads rows of tables nobody named: a function
// called like a table is no read of that table.
void throttle(pqxx::work &w, const std::string &key) {
  pqxx::row r = w.exec_params1("SELECT remaining FROM quota($1)", key);
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE quota SET remaining = 0 WHERE api_key = $1", key);
}
