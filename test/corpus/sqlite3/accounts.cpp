// FLAGS: -isystem %inputs/sqlite3
// The SQLite C API: wallets, stock, sign-up and coupons in a desktop/edge
// application, with the usual small helpers around prepare/step.
#include <sqlite3.h>
#include <stdexcept>
#include <string>

namespace accounts {

// Helpers of the kind most SQLite code grows.
static sqlite3_int64 query_int64(sqlite3 *db, const char *sql, sqlite3_int64 key) {
  sqlite3_stmt *st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
    throw std::runtime_error(sqlite3_errmsg(db));
  sqlite3_bind_int64(st, 1, key);
  sqlite3_int64 v = -1;
  if (sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

static int exec_bound(sqlite3 *db, const char *sql, sqlite3_int64 a, sqlite3_int64 b) {
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  sqlite3_bind_int64(st, 1, a);
  sqlite3_bind_int64(st, 2, b);
  const int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? sqlite3_changes(db) : -1;
}

static void exec_sql(sqlite3 *db, const char *sql) {
  char *err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "sqlite error";
    sqlite3_free(err);
    throw std::runtime_error(msg);
  }
}

// case: unsafe
// Lost update through the helpers, in a deferred transaction.
void withdraw(sqlite3 *db, sqlite3_int64 wallet, sqlite3_int64 amount) {
  exec_sql(db, "BEGIN");
  const sqlite3_int64 balance = query_int64(db, "SELECT balance FROM wallets WHERE id = ?", wallet); // expect: dbrace-unlocked-read-update
  if (balance < amount) {
    exec_sql(db, "ROLLBACK");
    throw std::runtime_error("insufficient funds");
  }
  exec_bound(db, "UPDATE wallets SET balance = ?1 WHERE id = ?2", balance - amount, wallet);
  exec_sql(db, "COMMIT");
}

// case: safe
// The same helpers under BEGIN IMMEDIATE.
void withdraw_immediate(sqlite3 *db, sqlite3_int64 wallet, sqlite3_int64 amount) {
  exec_sql(db, "BEGIN IMMEDIATE");
  const sqlite3_int64 balance = query_int64(db, "SELECT balance FROM wallets WHERE id = ?", wallet);
  if (balance < amount) {
    exec_sql(db, "ROLLBACK");
    throw std::runtime_error("insufficient funds");
  }
  exec_bound(db, "UPDATE wallets SET balance = ?1 WHERE id = ?2", balance - amount, wallet);
  exec_sql(db, "COMMIT");
}

// case: safe
// Version column compared in the UPDATE, its change count checked.
bool withdraw_versioned(sqlite3 *db, sqlite3_int64 wallet, sqlite3_int64 amount) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT balance, version FROM wallets WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int64(sel, 1, wallet);
  if (sqlite3_step(sel) != SQLITE_ROW) {
    sqlite3_finalize(sel);
    return false;
  }
  const sqlite3_int64 balance = sqlite3_column_int64(sel, 0);
  const int version = sqlite3_column_int(sel, 1);
  sqlite3_finalize(sel);
  if (balance < amount)
    return false;
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE wallets SET balance = ?, version = version + 1 WHERE id = ? AND version = ?", -1,
                     &upd, nullptr);
  sqlite3_bind_int64(upd, 1, balance - amount);
  sqlite3_bind_int64(upd, 2, wallet);
  sqlite3_bind_int(upd, 3, version);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  if (sqlite3_changes(db) != 1)
    throw std::runtime_error("wallet changed concurrently; retry");
  return true;
}

// case: unsafe
// sqlite3_get_table: the legacy all-strings read, in autocommit.
void apply_coupon(sqlite3 *db, const std::string &code) {
  char **rows = nullptr;
  int nrow = 0, ncol = 0;
  const std::string sql = "SELECT used FROM coupons WHERE code = '" + code + "'";
  sqlite3_get_table(db, sql.c_str(), &rows, &nrow, &ncol, nullptr); // expect: dbrace-unlocked-read-update
  const bool used = nrow == 1 && rows[1] && std::string(rows[1]) == "1";
  sqlite3_free_table(rows);
  if (!used)
    exec_sql(db, ("UPDATE coupons SET used = 1 WHERE code = '" + code + "'").c_str());
}

// case: safe
// The coupon is claimed by the UPDATE itself.
bool apply_coupon_atomic(sqlite3 *db, const std::string &code) {
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE coupons SET used = 1 WHERE code = ? AND used = 0", -1, &upd, nullptr);
  sqlite3_bind_text(upd, 1, code.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  return sqlite3_changes(db) == 1;
}

class StockStore {
public:
  explicit StockStore(sqlite3 *db) : db_(db) {
    sqlite3_prepare_v3(db_, "SELECT quantity FROM stock WHERE sku = ?", -1, SQLITE_PREPARE_PERSISTENT, &select_qty_,
                       nullptr);
    sqlite3_prepare_v3(db_, "UPDATE stock SET quantity = ? WHERE sku = ?", -1, SQLITE_PREPARE_PERSISTENT, &update_qty_,
                       nullptr);
  }
  ~StockStore() {
    sqlite3_finalize(select_qty_);
    sqlite3_finalize(update_qty_);
  }

  // case: unsafe
  // Statements prepared once in the constructor, stepped here: lost update.
  bool take(int sku, int n) {
    sqlite3_reset(select_qty_);
    sqlite3_bind_int(select_qty_, 1, sku);
    if (sqlite3_step(select_qty_) != SQLITE_ROW) // expect: dbrace-unlocked-read-update
      return false;
    const int qty = sqlite3_column_int(select_qty_, 0);
    if (qty < n)
      return false;
    sqlite3_reset(update_qty_);
    sqlite3_bind_int(update_qty_, 1, qty - n);
    sqlite3_bind_int(update_qty_, 2, sku);
    return sqlite3_step(update_qty_) == SQLITE_DONE;
  }

  // case: safe
  // The same statements inside BEGIN IMMEDIATE.
  bool take_locked(int sku, int n) {
    sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_reset(select_qty_);
    sqlite3_bind_int(select_qty_, 1, sku);
    const int qty = sqlite3_step(select_qty_) == SQLITE_ROW ? sqlite3_column_int(select_qty_, 0) : 0;
    const bool ok = qty >= n;
    if (ok) {
      sqlite3_reset(update_qty_);
      sqlite3_bind_int(update_qty_, 1, qty - n);
      sqlite3_bind_int(update_qty_, 2, sku);
      sqlite3_step(update_qty_);
    }
    sqlite3_exec(db_, ok ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
    return ok;
  }

private:
  sqlite3 *db_;
  sqlite3_stmt *select_qty_ = nullptr;
  sqlite3_stmt *update_qty_ = nullptr;
};

// case: unsafe
// "No such user, so insert" in autocommit, with a username that has no
// unique index.
bool sign_up(sqlite3 *db, const std::string &name) {
  sqlite3_stmt *chk = nullptr;
  sqlite3_prepare_v2(db, "SELECT 1 FROM users WHERE username = ?", -1, &chk, nullptr);
  sqlite3_bind_text(chk, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  const bool taken = sqlite3_step(chk) == SQLITE_ROW; // expect: dbrace-check-then-insert
  sqlite3_finalize(chk);
  if (taken)
    return false;
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO users (username) VALUES (?)", -1, &ins, nullptr);
  sqlite3_bind_text(ins, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(ins);
  sqlite3_finalize(ins);
  return true;
}

// case: safe
// INSERT ... ON CONFLICT DO NOTHING and the change count.
bool sign_up_on_conflict(sqlite3 *db, const std::string &name) {
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO users (username) VALUES (?) ON CONFLICT (username) DO NOTHING", -1, &ins,
                     nullptr);
  sqlite3_bind_text(ins, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(ins);
  sqlite3_finalize(ins);
  return sqlite3_changes(db) == 1;
}

// case: unsafe
// A SAVEPOINT outside a transaction begins a deferred one: no lock.
void add_credits_capped(sqlite3 *db, sqlite3_int64 account, sqlite3_int64 add, sqlite3_int64 cap) {
  exec_sql(db, "SAVEPOINT topup");
  const sqlite3_int64 credits = query_int64(db, "SELECT credits FROM accounts WHERE id = ?", account); // expect: dbrace-unlocked-read-update
  const sqlite3_int64 next = credits + add > cap ? cap : credits + add;
  exec_bound(db, "UPDATE accounts SET credits = ?1 WHERE id = ?2", next, account);
  exec_sql(db, "RELEASE topup");
}

// case: safe
// The balance is shown and logged; the wallet is not written.
sqlite3_int64 show_balance(sqlite3 *db, sqlite3_int64 wallet) {
  const sqlite3_int64 balance = query_int64(db, "SELECT balance FROM wallets WHERE id = ?", wallet);
  exec_bound(db, "INSERT INTO balance_views (wallet_id, balance) VALUES (?1, ?2)", wallet, balance);
  return balance;
}

// case: safe
// Different rows: the sponsor's row is read, the member's row is written.
void grant_from_sponsor(sqlite3 *db, sqlite3_int64 sponsor, sqlite3_int64 member) {
  const sqlite3_int64 grant = query_int64(db, "SELECT monthly_grant FROM accounts WHERE id = ?", sponsor);
  if (grant > 0)
    exec_bound(db, "UPDATE accounts SET credits = credits + ?1 WHERE id = ?2", grant, member);
}

// case: unsafe
// A subscription renewed from the expiry read, the SQL built with a
// string; autocommit.
void renew(sqlite3 *db, sqlite3_int64 user, sqlite3_int64 now) {
  const sqlite3_int64 expires = query_int64(db, "SELECT expires_at FROM subscriptions WHERE user_id = ?", user); // expect: dbrace-unlocked-read-update
  const sqlite3_int64 base = expires > now ? expires : now;
  const std::string sql = "UPDATE subscriptions SET expires_at = " + std::to_string(base + 2592000) +
                          " WHERE user_id = " + std::to_string(user);
  exec_sql(db, sql.c_str());
}

} // namespace accounts
