// FLAGS: -isystem %inputs/sqlitecpp -isystem %corpus/include
// SQLiteC++: a point-of-sale application's stock, loyalty credits,
// vouchers and members.
#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Transaction.h>
#include <chrono>
#include <cstdint>
#include <curl/curl.h>
#include <stdexcept>
#include <string>
#include <thread>

namespace inventory {

// case: unsafe
// A deferred SQLite::Transaction: the read takes no lock.
bool sell(SQLite::Database &db, int64_t sku, int qty) {
  SQLite::Transaction tx(db);
  SQLite::Statement q(db, "SELECT quantity FROM stock WHERE sku = ?");
  q.bind(1, sku);
  if (!q.executeStep()) // expect: dbrace-unlocked-read-update
    return false;
  const int have = q.getColumn(0);
  if (have < qty)
    return false;
  SQLite::Statement u(db, "UPDATE stock SET quantity = quantity - ? WHERE sku = ?");
  u.bind(1, qty);
  u.bind(2, sku);
  u.exec();
  tx.commit();
  return true;
}

// case: safe
// TransactionBehavior::IMMEDIATE takes the write lock at the begin.
bool sell_immediate(SQLite::Database &db, int64_t sku, int qty) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement q(db, "SELECT quantity FROM stock WHERE sku = ?");
  q.bind(1, sku);
  if (!q.executeStep())
    return false;
  const int have = q.getColumn(0);
  if (have < qty)
    return false;
  SQLite::Statement u(db, "UPDATE stock SET quantity = quantity - ? WHERE sku = ?");
  u.bind(1, qty);
  u.bind(2, sku);
  u.exec();
  tx.commit();
  return true;
}

// case: safe
// The conditional UPDATE's change count (Statement::exec's value) decides.
bool sell_atomic(SQLite::Database &db, int64_t sku, int qty) {
  SQLite::Statement u(db, "UPDATE stock SET quantity = quantity - ?1 WHERE sku = ?2 AND quantity >= ?1");
  u.bind(1, qty);
  u.bind(2, sku);
  return u.exec() == 1;
}

// case: unsafe
// execAndGet in autocommit, the SQL concatenated.
void restock(SQLite::Database &db, int64_t sku, int batch) {
  const std::string key = std::to_string(sku);
  const int qty = db.execAndGet("SELECT quantity FROM stock WHERE sku = " + key).getInt(); // expect: dbrace-unlocked-read-update
  if (qty < 10)
    db.exec("UPDATE stock SET quantity = " + std::to_string(qty + batch) + " WHERE sku = " + key);
}

// case: safe
// BEGIN IMMEDIATE through Database::exec.
void restock_immediate(SQLite::Database &db, int64_t sku, int batch) {
  const std::string key = std::to_string(sku);
  db.exec("BEGIN IMMEDIATE");
  const int qty = db.execAndGet("SELECT quantity FROM stock WHERE sku = " + key).getInt();
  if (qty < 10)
    db.exec("UPDATE stock SET quantity = " + std::to_string(qty + batch) + " WHERE sku = " + key);
  db.exec("COMMIT");
}

// case: unsafe
// Loyalty points: a lost update computed in C++.
void add_points(SQLite::Database &db, int64_t member, int points) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::DEFERRED);
  SQLite::Statement q(db, "SELECT points FROM members WHERE id = :id");
  q.bind(":id", member);
  q.executeStep(); // expect: dbrace-unlocked-read-update
  const int64_t current = q.getColumn("points").getInt64();
  SQLite::Statement u(db, "UPDATE members SET points = :points WHERE id = :id");
  u.bind(":points", current + points);
  u.bind(":id", member);
  u.exec();
  tx.commit();
}

// case: unsafe
// "Voucher not yet issued to this member, so insert", deferred.
bool issue_voucher(SQLite::Database &db, int64_t member, const std::string &campaign) {
  SQLite::Transaction tx(db);
  SQLite::Statement q(db, "SELECT COUNT(*) FROM vouchers WHERE member_id = ? AND campaign = ?");
  q.bind(1, member);
  q.bind(2, campaign);
  q.executeStep(); // expect: dbrace-check-then-insert
  if (q.getColumn(0).getInt() > 0)
    return false;
  SQLite::Statement ins(db, "INSERT INTO vouchers (member_id, campaign) VALUES (?, ?)");
  ins.bind(1, member);
  ins.bind(2, campaign);
  ins.exec();
  tx.commit();
  return true;
}

// case: safe
// The same check under an immediate transaction.
bool issue_voucher_immediate(SQLite::Database &db, int64_t member, const std::string &campaign) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement q(db, "SELECT COUNT(*) FROM vouchers WHERE member_id = ? AND campaign = ?");
  q.bind(1, member);
  q.bind(2, campaign);
  q.executeStep();
  if (q.getColumn(0).getInt() > 0)
    return false;
  SQLite::Statement ins(db, "INSERT INTO vouchers (member_id, campaign) VALUES (?, ?)");
  ins.bind(1, member);
  ins.bind(2, campaign);
  ins.exec();
  tx.commit();
  return true;
}

// case: safe
// INSERT OR IGNORE on the unique key and the change count.
bool issue_voucher_or_ignore(SQLite::Database &db, int64_t member, const std::string &campaign) {
  SQLite::Statement ins(db, "INSERT OR IGNORE INTO vouchers (member_id, campaign) VALUES (?, ?)");
  ins.bind(1, member);
  ins.bind(2, campaign);
  return ins.exec() == 1;
}

// case: unsafe
// A voucher spent twice: the check and the update in autocommit, looping
// over the member's vouchers.
int spend_vouchers(SQLite::Database &db, int64_t member, int needed) {
  SQLite::Statement q(db, "SELECT id, value FROM vouchers WHERE member_id = ? AND spent = 0");
  q.bind(1, member);
  int covered = 0;
  while (covered < needed && q.executeStep()) { // expect: dbrace-unlocked-read-update
    const int64_t id = q.getColumn(0).getInt64();
    covered += q.getColumn(1).getInt();
    db.exec("UPDATE vouchers SET spent = 1 WHERE id = " + std::to_string(id));
  }
  return covered;
}

// case: safe
// Each voucher claimed by its own conditional UPDATE, the change count
// checked; the list read only proposes candidates.
int spend_vouchers_atomic(SQLite::Database &db, int64_t member, int needed) {
  SQLite::Statement q(db, "SELECT id, value FROM vouchers WHERE member_id = ? AND spent = 0");
  q.bind(1, member);
  int covered = 0;
  while (covered < needed && q.executeStep()) {
    const int64_t id = q.getColumn(0).getInt64();
    const int value = q.getColumn(1).getInt();
    if (db.exec("UPDATE vouchers SET spent = 1 WHERE id = " + std::to_string(id) + " AND spent = 0") == 1)
      covered += value;
  }
  return covered;
}

// case: safe
// Version column compared and the change count checked.
bool rename_member(SQLite::Database &db, int64_t member, const std::string &name) {
  SQLite::Statement q(db, "SELECT version FROM members WHERE id = ?");
  q.bind(1, member);
  if (!q.executeStep())
    return false;
  const int version = q.getColumn(0);
  SQLite::Statement u(db, "UPDATE members SET name = ?, version = version + 1 WHERE id = ? AND version = ?");
  u.bind(1, name);
  u.bind(2, member);
  u.bind(3, version);
  if (u.exec() != 1)
    throw std::runtime_error("member changed concurrently");
  return true;
}

// case: unsafe
// The stock is read before the immediate transaction that writes it.
void transfer_stock_between_shops(SQLite::Database &db, int64_t sku, int qty) {
  SQLite::Statement q(db, "SELECT quantity FROM stock WHERE sku = ?");
  q.bind(1, sku);
  q.executeStep(); // expect: dbrace-read-outside-transaction
  const int have = q.getColumn(0);
  if (have < qty)
    return;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement u(db, "UPDATE stock SET quantity = ? WHERE sku = ?");
  u.bind(1, have - qty);
  u.bind(2, sku);
  u.exec();
  db.exec("INSERT INTO transfers (sku, quantity) VALUES (" + std::to_string(sku) + ", " + std::to_string(qty) + ")");
  tx.commit();
}

// case: unsafe
// An immediate transaction holds the database lock while the payment
// terminal is polled.
bool sell_with_card(SQLite::Database &db, int64_t sku, CURL *terminal) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement u(db, "UPDATE stock SET quantity = quantity - 1 WHERE sku = ? AND quantity > 0");
  u.bind(1, sku);
  if (u.exec() != 1)
    return false;
  curl_easy_setopt(terminal, CURLOPT_URL, "http://terminal.local/pay");
  if (curl_easy_perform(terminal) != CURLE_OK) // expect: dbrace-slow-call-in-transaction
    return false;
  tx.commit();
  return true;
}

// case: safe
// The terminal is asked first; the stock is taken afterwards atomically.
bool sell_with_card_first(SQLite::Database &db, int64_t sku, CURL *terminal) {
  curl_easy_setopt(terminal, CURLOPT_URL, "http://terminal.local/pay");
  if (curl_easy_perform(terminal) != CURLE_OK)
    return false;
  SQLite::Statement u(db, "UPDATE stock SET quantity = quantity - 1 WHERE sku = ? AND quantity > 0");
  u.bind(1, sku);
  return u.exec() == 1;
}

// case: safe
// The stock level is read for the shelf label; the label table is written.
void print_shelf_label(SQLite::Database &db, int64_t sku) {
  SQLite::Statement q(db, "SELECT quantity, price_cents FROM stock WHERE sku = ?");
  q.bind(1, sku);
  if (!q.executeStep())
    return;
  SQLite::Statement ins(db, "INSERT INTO label_queue (sku, quantity, price_cents) VALUES (?, ?, ?)");
  ins.bind(1, sku);
  ins.bind(2, q.getColumn(0).getInt());
  ins.bind(3, q.getColumn(1).getInt());
  ins.exec();
}

class MemberRepo {
public:
  explicit MemberRepo(SQLite::Database &db) : db_(db) {}

  int64_t credits(int64_t member) {
    SQLite::Statement q(db_, "SELECT credits FROM members WHERE id = ?");
    q.bind(1, member);
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
  }
  void set_credits(int64_t member, int64_t credits) {
    SQLite::Statement u(db_, "UPDATE members SET credits = ? WHERE id = ?");
    u.bind(1, credits);
    u.bind(2, member);
    u.exec();
  }

  // case: unsafe
  // A repository with one method per statement: the race is in the caller
  // of both.
  bool redeem(int64_t member, int64_t cost) {
    SQLite::Transaction tx(db_);
    const int64_t have = credits(member); // expect: dbrace-unlocked-read-update
    if (have < cost)
      return false;
    set_credits(member, have - cost);
    tx.commit();
    return true;
  }

  // case: safe
  // The same under an immediate transaction.
  bool redeem_immediate(int64_t member, int64_t cost) {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const int64_t have = credits(member);
    if (have < cost)
      return false;
    set_credits(member, have - cost);
    tx.commit();
    return true;
  }

private:
  SQLite::Database &db_;
};

// case: unsafe
// Waiting for the stock to arrive with the database locked exclusively.
bool wait_and_reserve(SQLite::Database &db, int64_t sku) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::EXCLUSIVE);
  for (int i = 0; i < 30; ++i) {
    SQLite::Statement q(db, "SELECT quantity FROM stock WHERE sku = ?");
    q.bind(1, sku);
    if (q.executeStep() && q.getColumn(0).getInt() > 0) {
      db.exec("UPDATE stock SET quantity = quantity - 1 WHERE sku = " + std::to_string(sku));
      tx.commit();
      return true;
    }
    std::this_thread::sleep_for(std::chrono::seconds(1)); // expect: dbrace-slow-call-in-transaction
  }
  return false;
}

} // namespace inventory
