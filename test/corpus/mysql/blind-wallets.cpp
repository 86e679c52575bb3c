// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: player wallets
// keyed by player handle in MySQL/InnoDB, MySQL Connector/C++ 1.1, real headers.
#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_connection.h>

#include <future>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

namespace gamewallet {

// Fraud scoring runs on another service; score() returns immediately with a
// future that the remote answer fulfils.
class FraudClient {
public:
  std::future<int> score(const std::string &playerHandle, long amountCents);
};

// case: unsafe
// The balance is read in autocommit with a concatenated statement; the
// transaction (setAutoCommit(false)) starts after the check, and the new
// balance is computed from the old read.
bool buy_item(sql::Connection &con, const std::string &player, const std::string &itemSku, long price) {
  std::unique_ptr<sql::Statement> st(con.createStatement());
  std::ostringstream q;
  q << "SELECT balance_cents FROM wallets WHERE player_handle = '" << player << "'";
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery(q.str())); // expect: dbrace-read-outside-transaction
  if (!rs->next())
    return false;
  const long balance = rs->getInt64("balance_cents");
  if (balance < price)
    return false;
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> upd(
      con.prepareStatement("UPDATE wallets SET balance_cents = ? WHERE player_handle = ?"));
  upd->setInt64(1, balance - price);
  upd->setString(2, player);
  upd->executeUpdate();
  std::unique_ptr<sql::PreparedStatement> inv(
      con.prepareStatement("INSERT INTO inventory_items (player_handle, item_sku) VALUES (?, ?)"));
  inv->setString(1, player);
  inv->setString(2, itemSku);
  inv->executeUpdate();
  con.commit();
  con.setAutoCommit(true);
  return true;
}

// case: safe
// Every writer of a wallet takes the session-level named lock
// GET_LOCK('wallet:<handle>') first; the read-check-write runs under it and
// RELEASE_LOCK follows.
bool buy_item_named_lock(sql::Connection &con, const std::string &player, long price) {
  std::unique_ptr<sql::PreparedStatement> lock(con.prepareStatement("SELECT GET_LOCK(CONCAT('wallet:', ?), 10)"));
  lock->setString(1, player);
  std::unique_ptr<sql::ResultSet> got(lock->executeQuery());
  if (!got->next() || got->getInt(1) != 1)
    throw std::runtime_error("wallet busy: " + player);
  bool ok = false;
  std::unique_ptr<sql::PreparedStatement> sel(
      con.prepareStatement("SELECT balance_cents FROM wallets WHERE player_handle = ?"));
  sel->setString(1, player);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery());
  if (rs->next() && rs->getInt64(1) >= price) {
    std::unique_ptr<sql::PreparedStatement> upd(
        con.prepareStatement("UPDATE wallets SET balance_cents = ? WHERE player_handle = ?"));
    upd->setInt64(1, rs->getInt64(1) - price);
    upd->setString(2, player);
    upd->executeUpdate();
    ok = true;
  }
  std::unique_ptr<sql::PreparedStatement> unlock(con.prepareStatement("SELECT RELEASE_LOCK(CONCAT('wallet:', ?))"));
  unlock->setString(1, player);
  std::unique_ptr<sql::ResultSet> released(unlock->executeQuery());
  return ok;
}

// case: unsafe
// The wallet row is locked FOR UPDATE in a transaction, and then the code
// waits for the remote fraud score (future::get) while holding the lock.
bool cash_out(sql::Connection &con, FraudClient &fraud, const std::string &player, long amount) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> sel(
      con.prepareStatement("SELECT balance_cents FROM wallets WHERE player_handle = ? FOR UPDATE"));
  sel->setString(1, player);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery());
  if (!rs->next() || rs->getInt64(1) < amount) {
    con.rollback();
    con.setAutoCommit(true);
    return false;
  }
  std::future<int> risk = fraud.score(player, amount);
  if (risk.get() > 80) { // expect: dbrace-slow-call-in-transaction
    con.rollback();
    con.setAutoCommit(true);
    return false;
  }
  std::unique_ptr<sql::PreparedStatement> upd(
      con.prepareStatement("UPDATE wallets SET balance_cents = balance_cents - ? WHERE player_handle = ?"));
  upd->setInt64(1, amount);
  upd->setString(2, player);
  upd->executeUpdate();
  con.commit();
  con.setAutoCommit(true);
  return true;
}

// case: safe
// A top-up is applied once per provider token: INSERT IGNORE into the
// uniquely keyed topups table decides, then the balance is increased
// relatively. No read decides anything.
bool apply_topup(sql::Connection &con, const std::string &player, const std::string &providerToken, long cents) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> ins(
      con.prepareStatement("INSERT IGNORE INTO topups (provider_token, player_handle, amount_cents) VALUES (?, ?, ?)"));
  ins->setString(1, providerToken);
  ins->setString(2, player);
  ins->setInt64(3, cents);
  if (ins->executeUpdate() != 1) {
    con.rollback();
    con.setAutoCommit(true);
    return false;
  }
  std::unique_ptr<sql::PreparedStatement> upd(
      con.prepareStatement("UPDATE wallets SET balance_cents = balance_cents + ? WHERE player_handle = ?"));
  upd->setInt64(1, cents);
  upd->setString(2, player);
  upd->executeUpdate();
  con.commit();
  con.setAutoCommit(true);
  return true;
}

// case: safe
// SERIALIZABLE (InnoDB turns the plain SELECT into a locking read) with a
// retry when InnoDB picks this transaction as a deadlock victim.
bool gift(sql::Connection &con, const std::string &from, const std::string &to, long cents) {
  con.setTransactionIsolation(sql::TRANSACTION_SERIALIZABLE);
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      con.setAutoCommit(false);
      std::unique_ptr<sql::PreparedStatement> sel(
          con.prepareStatement("SELECT balance_cents FROM wallets WHERE player_handle = ?"));
      sel->setString(1, from);
      std::unique_ptr<sql::ResultSet> rs(sel->executeQuery());
      if (!rs->next() || rs->getInt64(1) < cents) {
        con.rollback();
        con.setAutoCommit(true);
        return false;
      }
      std::unique_ptr<sql::PreparedStatement> upd(
          con.prepareStatement("UPDATE wallets SET balance_cents = ? WHERE player_handle = ?"));
      upd->setInt64(1, rs->getInt64(1) - cents);
      upd->setString(2, from);
      upd->executeUpdate();
      std::unique_ptr<sql::PreparedStatement> credit(
          con.prepareStatement("UPDATE wallets SET balance_cents = balance_cents + ? WHERE player_handle = ?"));
      credit->setInt64(1, cents);
      credit->setString(2, to);
      credit->executeUpdate();
      con.commit();
      con.setAutoCommit(true);
      return true;
    } catch (const sql::SQLException &e) {
      con.rollback();
      con.setAutoCommit(true);
      if (e.getErrorCode() != 1213 || attempt == 2)
        throw;
    }
  }
  return false;
}

} // namespace gamewallet
