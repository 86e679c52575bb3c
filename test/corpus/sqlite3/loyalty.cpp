// FLAGS: -isystem %inputs/sqlite3
// The SQLite C API in a loyalty-points service: a small data-access class
// whose helpers take the SQL text, and statements kept in members.
#include <sqlite3.h>
#include <stdexcept>
#include <string>

namespace loyalty {

class Db {
public:
  explicit Db(sqlite3 *db) : db_(db) {}

  void exec(const std::string &sql) {
    char *err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "sqlite error";
      sqlite3_free(err);
      throw std::runtime_error(msg);
    }
  }

  int scalar(const char *sql, int key) {
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db_, sql, -1, &st, nullptr);
    sqlite3_bind_int(st, 1, key);
    int v = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
      v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
  }

  // Runs a write and returns the rows it changed.
  int update(const char *sql, int a, int b) {
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db_, sql, -1, &st, nullptr);
    sqlite3_bind_int(st, 1, a);
    sqlite3_bind_int(st, 2, b);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return sqlite3_changes(db_);
  }

private:
  sqlite3 *db_;
};

// case: unsafe
// Points read through the helper and spent in C++, in a deferred
// transaction.
bool redeem_points(Db &db, int member, int cost) {
  db.exec("BEGIN");
  const int points = db.scalar("SELECT points FROM members WHERE id = ?", member); // expect: dbrace-unlocked-read-update
  if (points < cost) {
    db.exec("ROLLBACK");
    return false;
  }
  db.update("UPDATE members SET points = ? WHERE id = ?", points - cost, member);
  db.exec("COMMIT");
  return true;
}

// case: safe
// The same under BEGIN IMMEDIATE.
bool redeem_points_immediate(Db &db, int member, int cost) {
  db.exec("BEGIN IMMEDIATE");
  const int points = db.scalar("SELECT points FROM members WHERE id = ?", member);
  if (points < cost) {
    db.exec("ROLLBACK");
    return false;
  }
  db.update("UPDATE members SET points = ? WHERE id = ?", points - cost, member);
  db.exec("COMMIT");
  return true;
}

// case: safe
// The spend is a conditional UPDATE whose changed rows the helper returns
// and the caller checks; the read before it only fills the message.
bool redeem_points_atomic(Db &db, int member, int cost, std::string &message) {
  const int before = db.scalar("SELECT points FROM members WHERE id = ?", member);
  if (before < cost) {
    message = "not enough points";
    return false;
  }
  if (db.update("UPDATE members SET points = points - ?1 WHERE id = ?2 AND points >= ?1", cost, member) != 1) {
    message = "points changed; try again";
    return false;
  }
  message = "redeemed";
  return true;
}

// case: safe
// Different rows: the referrer's row is read, the new member's written.
void credit_referral(Db &db, int referrer, int member) {
  const int bonus = db.scalar("SELECT referral_bonus FROM members WHERE id = ?", referrer);
  if (bonus > 0)
    db.update("UPDATE members SET points = points + ?1 WHERE id = ?2", bonus, member);
}

// case: safe
// The tier is read to pick a table that is not read: an audit insert.
void log_visit(Db &db, int member) {
  const int tier = db.scalar("SELECT tier FROM members WHERE id = ?", member);
  db.update("INSERT INTO visits (member_id, tier) VALUES (?, ?)", member, tier);
}

class Rewards {
public:
  explicit Rewards(sqlite3 *db) : db_(db) {
    sqlite3_prepare_v2(db_, "SELECT stock FROM rewards WHERE id = ?", -1, &stock_, nullptr);
    sqlite3_prepare_v2(db_, "UPDATE rewards SET stock = ? WHERE id = ?", -1, &set_stock_, nullptr);
    sqlite3_prepare_v2(db_, "UPDATE rewards SET stock = stock - 1 WHERE id = ? AND stock > 0", -1, &take_one_,
                       nullptr);
  }

  // case: unsafe
  // Member statements: the stock is read, decremented in C++ and written.
  bool claim(int reward) {
    sqlite3_reset(stock_);
    sqlite3_bind_int(stock_, 1, reward);
    int stock = 0;
    if (sqlite3_step(stock_) == SQLITE_ROW) // expect: dbrace-unlocked-read-update
      stock = sqlite3_column_int(stock_, 0);
    if (stock <= 0)
      return false;
    sqlite3_reset(set_stock_);
    sqlite3_bind_int(set_stock_, 1, stock - 1);
    sqlite3_bind_int(set_stock_, 2, reward);
    sqlite3_step(set_stock_);
    return true;
  }

  // case: safe
  // The member conditional UPDATE, its changes checked.
  bool claim_atomic(int reward) {
    sqlite3_reset(take_one_);
    sqlite3_bind_int(take_one_, 1, reward);
    sqlite3_step(take_one_);
    return sqlite3_changes(db_) == 1;
  }

  // case: safe
  // The stock is only shown.
  int stock(int reward) {
    sqlite3_reset(stock_);
    sqlite3_bind_int(stock_, 1, reward);
    return sqlite3_step(stock_) == SQLITE_ROW ? sqlite3_column_int(stock_, 0) : 0;
  }

private:
  sqlite3 *db_;
  sqlite3_stmt *stock_ = nullptr;
  sqlite3_stmt *set_stock_ = nullptr;
  sqlite3_stmt *take_one_ = nullptr;
};

} // namespace loyalty
