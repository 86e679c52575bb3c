// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: bin stock keyed
// by (sku, bin_code) in MySQL/InnoDB, MySQL Connector/C++ 1.1 (JDBC-style API),
// real headers.
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <mysql_connection.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace warehouse {

struct Line {
  std::string sku;
  int qty = 0;
};

static const char *kSelectQty = "SELECT qty FROM `warehouse`.`stock_levels` WHERE sku = ? AND bin_code = ?";
static const char *kSelectQtyLocked =
    "SELECT qty FROM `warehouse`.`stock_levels` WHERE sku = ? AND bin_code = ? FOR UPDATE";
static const char *kSetQty = "UPDATE `warehouse`.`stock_levels` SET qty = ? WHERE sku = ? AND bin_code = ?";

class StockService {
public:
  explicit StockService(sql::Connection *con) : con_(con) {
    selectQty_.reset(con_->prepareStatement(kSelectQty));
    selectQtyLocked_.reset(con_->prepareStatement(kSelectQtyLocked));
    setQty_.reset(con_->prepareStatement(kSetQty));
  }

  // case: unsafe
  // Basket picking in a transaction at REPEATABLE READ: InnoDB's plain
  // SELECT reads a snapshot and locks nothing, so two baskets both see the
  // same quantities (kept in a map) and both write qty - n.
  bool pickBasket(const std::string &bin, const std::vector<Line> &lines) {
    con_->setTransactionIsolation(sql::TRANSACTION_REPEATABLE_READ);
    con_->setAutoCommit(false);
    std::map<std::string, int> qty;
    for (const Line &l : lines) {
      selectQty_->setString(1, l.sku);
      selectQty_->setString(2, bin);
      std::unique_ptr<sql::ResultSet> rs(selectQty_->executeQuery()); // expect: dbrace-unlocked-read-update
      qty[l.sku] = rs->next() ? rs->getInt("qty") : 0;
    }
    for (const Line &l : lines) {
      if (qty[l.sku] < l.qty) {
        con_->rollback();
        con_->setAutoCommit(true);
        return false;
      }
    }
    for (const Line &l : lines) {
      setQty_->setInt(1, qty[l.sku] - l.qty);
      setQty_->setString(2, l.sku);
      setQty_->setString(3, bin);
      setQty_->executeUpdate();
    }
    con_->commit();
    con_->setAutoCommit(true);
    return true;
  }

  // case: safe
  // The same basket with the locking statement (FOR UPDATE) inside the
  // transaction that writes.
  bool pickBasketLocked(const std::string &bin, const std::vector<Line> &lines) {
    con_->setAutoCommit(false);
    std::map<std::string, int> qty;
    for (const Line &l : lines) {
      selectQtyLocked_->setString(1, l.sku);
      selectQtyLocked_->setString(2, bin);
      std::unique_ptr<sql::ResultSet> rs(selectQtyLocked_->executeQuery());
      qty[l.sku] = rs->next() ? rs->getInt("qty") : 0;
    }
    for (const Line &l : lines) {
      if (qty[l.sku] < l.qty) {
        con_->rollback();
        con_->setAutoCommit(true);
        return false;
      }
    }
    for (const Line &l : lines) {
      setQty_->setInt(1, qty[l.sku] - l.qty);
      setQty_->setString(2, l.sku);
      setQty_->setString(3, bin);
      setQty_->executeUpdate();
    }
    con_->commit();
    con_->setAutoCommit(true);
    return true;
  }

  // case: unsafe
  // The connection is in autocommit (the driver's default and this
  // service's state between calls): the FOR UPDATE lock ends with the
  // SELECT, before the allocation writes qty - n.
  bool allocate(const std::string &sku, const std::string &bin, int n) {
    selectQtyLocked_->setString(1, sku);
    selectQtyLocked_->setString(2, bin);
    std::unique_ptr<sql::ResultSet> rs(selectQtyLocked_->executeQuery()); // expect: dbrace-lock-without-transaction
    if (!rs->next())
      return false;
    const int onHand = rs->getInt(1);
    if (onHand < n)
      return false;
    setQty_->setInt(1, onHand - n);
    setQty_->setString(2, sku);
    setQty_->setString(3, bin);
    setQty_->executeUpdate();
    return true;
  }

private:
  sql::Connection *con_;
  std::unique_ptr<sql::PreparedStatement> selectQty_;
  std::unique_ptr<sql::PreparedStatement> selectQtyLocked_;
  std::unique_ptr<sql::PreparedStatement> setQty_;
};

// case: safe
// One conditional UPDATE (qty >= ?) whose executeUpdate() count decides.
bool pick_one(sql::Connection &con, const std::string &sku, const std::string &bin, int n) {
  std::unique_ptr<sql::PreparedStatement> ps(con.prepareStatement(
      "UPDATE warehouse.stock_levels SET qty = qty - ? WHERE sku = ? AND bin_code = ? AND qty >= ?"));
  ps->setInt(1, n);
  ps->setString(2, sku);
  ps->setString(3, bin);
  ps->setInt(4, n);
  return ps->executeUpdate() == 1;
}

// case: unsafe
// "Tell me when it is back": one alert per (sku, email), checked by a
// count and then inserted, with no unique key on restock_alerts.
bool subscribe_restock_alert(sql::Connection &con, const std::string &sku, const std::string &email) {
  std::unique_ptr<sql::PreparedStatement> chk(
      con.prepareStatement("SELECT COUNT(*) AS n FROM restock_alerts WHERE sku = ? AND email = ?"));
  chk->setString(1, sku);
  chk->setString(2, email);
  std::unique_ptr<sql::ResultSet> rs(chk->executeQuery()); // expect: dbrace-check-then-insert
  rs->next();
  if (rs->getInt("n") > 0)
    return false;
  std::unique_ptr<sql::PreparedStatement> ins(
      con.prepareStatement("INSERT INTO restock_alerts (sku, email) VALUES (?, ?)"));
  ins->setString(1, sku);
  ins->setString(2, email);
  ins->executeUpdate();
  return true;
}

} // namespace warehouse
