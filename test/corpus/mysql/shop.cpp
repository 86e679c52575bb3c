// FLAGS: -isystem %inputs/mysqlcppconn -isystem %corpus/include
// MySQL Connector/C++ 1.1 (InnoDB): a shop's stock, wallets, coupons,
// sign-up and payments.
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <curl/curl.h>
#include <memory>
#include <stdexcept>
#include <string>

namespace shop {

// case: unsafe
// setAutoCommit(false) opens a transaction, but the read takes no lock.
bool take_stock(sql::Connection &con, int product_id, int qty) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> sel(con.prepareStatement("SELECT stock FROM products WHERE id = ?"));
  sel->setInt(1, product_id);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery()); // expect: dbrace-unlocked-read-update
  if (!rs->next() || rs->getInt(1) < qty) {
    con.rollback();
    return false;
  }
  std::unique_ptr<sql::PreparedStatement> upd(con.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?"));
  upd->setInt(1, qty);
  upd->setInt(2, product_id);
  upd->executeUpdate();
  con.commit();
  return true;
}

// case: safe
// The same with FOR UPDATE.
bool take_stock_locked(sql::Connection &con, int product_id, int qty) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> sel(
      con.prepareStatement("SELECT stock FROM products WHERE id = ? FOR UPDATE"));
  sel->setInt(1, product_id);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery());
  if (!rs->next() || rs->getInt(1) < qty) {
    con.rollback();
    return false;
  }
  std::unique_ptr<sql::PreparedStatement> upd(con.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?"));
  upd->setInt(1, qty);
  upd->setInt(2, product_id);
  upd->executeUpdate();
  con.commit();
  return true;
}

// case: unsafe
// InnoDB's REPEATABLE READ reads a snapshot and does not detect the lost
// update (unlike PostgreSQL's).
void withdraw_repeatable_read(sql::Connection &con, int wallet_id, int amount) {
  con.setTransactionIsolation(sql::TRANSACTION_REPEATABLE_READ);
  con.setAutoCommit(false);
  std::unique_ptr<sql::Statement> st(con.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet_id))); // expect: dbrace-unlocked-read-update
  rs->next();
  const int balance = rs->getInt("balance");
  if (balance >= amount)
    st->executeUpdate("UPDATE wallets SET balance = " + std::to_string(balance - amount) +
                      " WHERE id = " + std::to_string(wallet_id));
  con.commit();
}

// case: safe
// InnoDB SERIALIZABLE turns the plain read into a locking one when
// autocommit is off.
void withdraw_serializable(sql::Connection &con, int wallet_id, int amount) {
  con.setTransactionIsolation(sql::TRANSACTION_SERIALIZABLE);
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> sel(con.prepareStatement("SELECT balance FROM wallets WHERE id = ?"));
  sel->setInt(1, wallet_id);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery());
  rs->next();
  const int balance = rs->getInt(1);
  if (balance >= amount) {
    std::unique_ptr<sql::PreparedStatement> upd(con.prepareStatement("UPDATE wallets SET balance = ? WHERE id = ?"));
    upd->setInt(1, balance - amount);
    upd->setInt(2, wallet_id);
    upd->executeUpdate();
  }
  con.commit();
}

// case: safe
// The debit checks the balance itself; executeUpdate's count decides.
bool withdraw_atomic(sql::Connection &con, int wallet_id, int amount) {
  std::unique_ptr<sql::PreparedStatement> upd(
      con.prepareStatement("UPDATE wallets SET balance = balance - ? WHERE id = ? AND balance >= ?"));
  upd->setInt(1, amount);
  upd->setInt(2, wallet_id);
  upd->setInt(3, amount);
  return upd->executeUpdate() == 1;
}

// case: unsafe
// FOR UPDATE with autocommit on (the connection default): the lock ends
// with the SELECT.
bool redeem_coupon_autocommit(sql::Connection &con, const std::string &code) {
  std::unique_ptr<sql::PreparedStatement> sel(
      con.prepareStatement("SELECT used FROM coupons WHERE code = ? FOR UPDATE"));
  sel->setString(1, code);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery()); // expect: dbrace-lock-without-transaction
  if (!rs->next() || rs->getBoolean(1))
    return false;
  std::unique_ptr<sql::PreparedStatement> upd(con.prepareStatement("UPDATE coupons SET used = 1 WHERE code = ?"));
  upd->setString(1, code);
  upd->executeUpdate();
  return true;
}

// case: safe
// INSERT IGNORE on the unique (coupon, user) key, its count checked; the
// earlier read only picks the message.
std::string redeem_once(sql::Connection &con, const std::string &code, int user_id) {
  std::unique_ptr<sql::PreparedStatement> seen(
      con.prepareStatement("SELECT 1 FROM coupon_redemptions WHERE code = ? AND user_id = ?"));
  seen->setString(1, code);
  seen->setInt(2, user_id);
  std::unique_ptr<sql::ResultSet> rs(seen->executeQuery());
  if (rs->next())
    return "already redeemed";
  std::unique_ptr<sql::PreparedStatement> ins(
      con.prepareStatement("INSERT IGNORE INTO coupon_redemptions (code, user_id) VALUES (?, ?)"));
  ins->setString(1, code);
  ins->setInt(2, user_id);
  return ins->executeUpdate() == 1 ? "ok" : "already redeemed";
}

// case: unsafe
// Sign-up: "no such e-mail, so insert", in a transaction, no unique key.
bool sign_up(sql::Connection &con, const std::string &email) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::Statement> st(con.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT COUNT(*) FROM users WHERE email = '" + email + "'")); // expect: dbrace-check-then-insert
  rs->next();
  if (rs->getInt(1) > 0) {
    con.rollback();
    return false;
  }
  st->executeUpdate("INSERT INTO users (email) VALUES ('" + email + "')");
  con.commit();
  return true;
}

// case: safe
// A named lock (GET_LOCK) belongs to the session, so it holds across the
// autocommit statements until RELEASE_LOCK.
bool sign_up_named_lock(sql::Connection &con, const std::string &email) {
  std::unique_ptr<sql::Statement> st(con.createStatement());
  std::unique_ptr<sql::ResultSet> lk(st->executeQuery("SELECT GET_LOCK(CONCAT('signup:', '" + email + "'), 10)"));
  if (!lk->next() || lk->getInt(1) != 1)
    return false;
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT 1 FROM users WHERE email = '" + email + "'"));
  const bool exists = rs->next();
  if (!exists)
    st->executeUpdate("INSERT INTO users (email) VALUES ('" + email + "')");
  st->execute("DO RELEASE_LOCK(CONCAT('signup:', '" + email + "'))");
  return !exists;
}

// case: unsafe
// The order total is read before START TRANSACTION, then written inside it.
void apply_discount(sql::Connection &con, int order_id, int percent) {
  std::unique_ptr<sql::Statement> st(con.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT total_cents FROM orders WHERE id = " + std::to_string(order_id))); // expect: dbrace-read-outside-transaction
  rs->next();
  const long total = rs->getInt64(1);
  st->execute("START TRANSACTION");
  st->executeUpdate("UPDATE orders SET total_cents = " + std::to_string(total * (100 - percent) / 100) +
                    " WHERE id = " + std::to_string(order_id));
  st->executeUpdate("INSERT INTO order_events (order_id, kind) VALUES (" + std::to_string(order_id) + ", 'discount')");
  st->execute("COMMIT");
}

// case: safe
// START TRANSACTION in SQL text and a locking read.
void apply_discount_locked(sql::Connection &con, int order_id, int percent) {
  std::unique_ptr<sql::Statement> st(con.createStatement());
  st->execute("START TRANSACTION");
  std::unique_ptr<sql::ResultSet> rs(
      st->executeQuery("SELECT total_cents FROM orders WHERE id = " + std::to_string(order_id) + " FOR UPDATE"));
  rs->next();
  const long total = rs->getInt64(1);
  st->executeUpdate("UPDATE orders SET total_cents = " + std::to_string(total * (100 - percent) / 100) +
                    " WHERE id = " + std::to_string(order_id));
  st->execute("COMMIT");
}

class OrderRepository {
public:
  explicit OrderRepository(sql::Connection &con) : con_(con) {}

  // case: unsafe
  // An order paid twice: both requests see 'pending'.
  void mark_paid(int order_id) {
    con_.setAutoCommit(false);
    std::unique_ptr<sql::PreparedStatement> sel(con_.prepareStatement(kSelectStatus));
    sel->setInt(1, order_id);
    std::unique_ptr<sql::ResultSet> rs(sel->executeQuery()); // expect: dbrace-unlocked-read-update
    if (rs->next() && std::string(rs->getString("status")) == "pending") {
      std::unique_ptr<sql::PreparedStatement> upd(con_.prepareStatement(kSetPaid));
      upd->setInt(1, order_id);
      upd->executeUpdate();
      std::unique_ptr<sql::PreparedStatement> led(con_.prepareStatement(kLedger));
      led->setInt(1, order_id);
      led->executeUpdate();
    }
    con_.commit();
  }

  // case: safe
  // The status transition is the guard.
  bool mark_paid_atomic(int order_id) {
    con_.setAutoCommit(false);
    std::unique_ptr<sql::PreparedStatement> upd(
        con_.prepareStatement("UPDATE orders SET status = 'paid' WHERE id = ? AND status = 'pending'"));
    upd->setInt(1, order_id);
    if (upd->executeUpdate() != 1) {
      con_.rollback();
      return false;
    }
    std::unique_ptr<sql::PreparedStatement> led(con_.prepareStatement(kLedger));
    led->setInt(1, order_id);
    led->executeUpdate();
    con_.commit();
    return true;
  }

  // case: safe
  // The order is read for the receipt only.
  std::string receipt(int order_id) {
    std::unique_ptr<sql::PreparedStatement> sel(con_.prepareStatement("SELECT status, total_cents FROM orders WHERE id = ?"));
    sel->setInt(1, order_id);
    std::unique_ptr<sql::ResultSet> rs(sel->executeQuery());
    std::unique_ptr<sql::PreparedStatement> log(
        con_.prepareStatement("INSERT INTO receipt_views (order_id) VALUES (?)"));
    log->setInt(1, order_id);
    log->executeUpdate();
    if (!rs->next())
      return "no such order";
    return std::string(rs->getString(1)) + " " + std::to_string(rs->getInt64(2));
  }

private:
  static constexpr const char *kSelectStatus = "SELECT status FROM orders WHERE id = ?";
  static constexpr const char *kSetPaid = "UPDATE orders SET status = 'paid' WHERE id = ?";
  static constexpr const char *kLedger =
      "INSERT INTO ledger (order_id, amount_cents) SELECT id, total_cents FROM orders WHERE id = ?";
  sql::Connection &con_;
};

static void call_fraud_service(int order_id) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://fraud.internal/check");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// case: unsafe
// The order row is locked while a fraud service is asked over HTTP.
void ship(sql::Connection &con, int order_id) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::Statement> st(con.createStatement());
  std::unique_ptr<sql::ResultSet> rs(
      st->executeQuery("SELECT status FROM orders WHERE id = " + std::to_string(order_id) + " FOR UPDATE"));
  if (rs->next() && std::string(rs->getString(1)) == "paid") {
    call_fraud_service(order_id); // expect: dbrace-slow-call-in-transaction
    st->executeUpdate("UPDATE orders SET status = 'shipped' WHERE id = " + std::to_string(order_id));
  }
  con.commit();
}

// case: unsafe
// Read in one committed transaction, written in the next.
void add_loyalty_points(sql::Connection &con, int user_id, int points) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> sel(con.prepareStatement("SELECT points FROM loyalty WHERE user_id = ?"));
  sel->setInt(1, user_id);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery()); // expect: dbrace-read-outside-transaction
  rs->next();
  const int current = rs->getInt(1);
  con.commit();
  std::unique_ptr<sql::PreparedStatement> upd(con.prepareStatement("UPDATE loyalty SET points = ? WHERE user_id = ?"));
  upd->setInt(1, current + points);
  upd->setInt(2, user_id);
  upd->executeUpdate();
  con.commit();
}

// case: safe
// Different rows of one table: the parent category's flag decides a write
// of the child category.
void inherit_visibility(sql::Connection &con, int parent_id, int child_id) {
  std::unique_ptr<sql::PreparedStatement> sel(con.prepareStatement("SELECT hidden FROM categories WHERE id = ?"));
  sel->setInt(1, parent_id);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery());
  if (rs->next() && rs->getBoolean(1)) {
    std::unique_ptr<sql::PreparedStatement> upd(con.prepareStatement("UPDATE categories SET hidden = 1 WHERE id = ?"));
    upd->setInt(1, child_id);
    upd->executeUpdate();
  }
}

} // namespace shop
