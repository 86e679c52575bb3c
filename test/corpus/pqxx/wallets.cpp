// FLAGS: -isystem %inputs/pqxx
// Wallets: withdrawals, transfers, optimistic locking, audit trails.
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>

namespace wallets {

// case: unsafe
// Lost update: the new balance is computed in C++ and written back.
void withdraw(pqxx::connection &c, int wallet_id, long amount) {
  pqxx::work w(c);
  long balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet_id)[0].as<long>(); // expect: dbrace-unlocked-read-update
  if (balance < amount)
    throw std::runtime_error("insufficient funds");
  balance -= amount;
  w.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", balance, wallet_id);
  w.commit();
}

// case: safe
// FOR NO KEY UPDATE is a row lock too.
void withdraw_locked(pqxx::connection &c, int wallet_id, long amount) {
  pqxx::work w(c);
  long balance =
      w.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR NO KEY UPDATE", wallet_id)[0].as<long>();
  if (balance < amount)
    throw std::runtime_error("insufficient funds");
  w.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", balance - amount, wallet_id);
  w.commit();
}

// case: unsafe
// A transfer: the source balance decides both writes; double spending.
void transfer(pqxx::work &w, int from, int to, long amount) {
  pqxx::row src = w.exec_params1("SELECT balance FROM wallets WHERE id = $1", from); // expect: dbrace-unlocked-read-update
  if (src["balance"].as<long>() < amount)
    throw std::runtime_error("insufficient funds");
  w.exec_params("UPDATE wallets SET balance = balance - $1 WHERE id = $2", amount, from);
  w.exec_params("UPDATE wallets SET balance = balance + $1 WHERE id = $2", amount, to);
}

// case: safe
// The debit checks the balance itself and its row count decides the rest.
bool transfer_atomic(pqxx::work &w, int from, int to, long amount) {
  pqxx::result debit = w.exec_params(
      "UPDATE wallets SET balance = balance - $1 WHERE id = $2 AND balance >= $1", amount, from);
  if (debit.affected_rows() == 0)
    return false;
  w.exec_params("UPDATE wallets SET balance = balance + $1 WHERE id = $2", amount, to);
  return true;
}

// case: safe
// Optimistic locking: the version read is compared in the UPDATE and a stale
// write is detected by its row count.
bool withdraw_versioned(pqxx::connection &c, int wallet_id, long amount) {
  pqxx::work w(c);
  pqxx::row r = w.exec_params1("SELECT balance, version FROM wallets WHERE id = $1", wallet_id);
  const long balance = r[0].as<long>();
  const int version = r[1].as<int>();
  if (balance < amount)
    return false;
  pqxx::result u = w.exec_params(
      "UPDATE wallets SET balance = $1, version = version + 1 WHERE id = $2 AND version = $3",
      balance - amount, wallet_id, version);
  if (u.affected_rows() != 1)
    throw std::runtime_error("concurrent update, retry");
  w.commit();
  return true;
}

// case: unsafe
// The version is bumped but never compared: still a lost update.
void withdraw_version_bumped(pqxx::connection &c, int wallet_id, long amount) {
  pqxx::work w(c);
  pqxx::row r = w.exec_params1("SELECT balance, version FROM wallets WHERE id = $1", wallet_id); // expect: dbrace-unlocked-read-update
  const long balance = r[0].as<long>();
  w.exec_params("UPDATE wallets SET balance = $1, version = version + 1 WHERE id = $2",
                balance - amount, wallet_id);
  w.commit();
}

// case: unsafe
// The version is compared, but a stale write (0 rows) goes unnoticed and the
// withdrawal is reported as done.
bool withdraw_version_unchecked(pqxx::connection &c, int wallet_id, long amount) {
  pqxx::work w(c);
  pqxx::row r = w.exec_params1("SELECT balance, version FROM wallets WHERE id = $1", wallet_id); // expect: dbrace-unlocked-read-update
  if (r[0].as<long>() < amount)
    return false;
  w.exec_params("UPDATE wallets SET balance = $1, version = version + 1 WHERE id = $2 AND version = $3",
                r[0].as<long>() - amount, wallet_id, r[1].as<int>());
  w.commit();
  return true;
}

// case: safe
// PostgreSQL REPEATABLE READ aborts the second writer of the same row.
void withdraw_repeatable_read(pqxx::connection &c, int wallet_id, long amount) {
  pqxx::transaction<pqxx::repeatable_read> w(c);
  long balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet_id)[0].as<long>();
  if (balance >= amount)
    w.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", balance - amount, wallet_id);
  w.commit();
}

// case: safe
// The balance is written to the audit log (another table) unconditionally;
// the wallet itself is changed atomically.
void deposit_with_audit(pqxx::work &w, int wallet_id, long amount) {
  long before = w.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet_id)[0].as<long>();
  w.exec_params("UPDATE wallets SET balance = balance + $1 WHERE id = $2", amount, wallet_id);
  w.exec_params("INSERT INTO wallet_audit (wallet_id, balance_before, delta) VALUES ($1, $2, $3)",
                wallet_id, before, amount);
}

class WalletDao {
public:
  explicit WalletDao(pqxx::transaction_base &t) : t_(t) {}
  long balance(int id) {
    return t_.exec_params1("SELECT balance FROM wallets WHERE id = $1", id)[0].as<long>();
  }
  long balance_for_update(int id) {
    return t_.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", id)[0].as<long>();
  }
  void set_balance(int id, long value) {
    t_.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", value, id);
  }

private:
  pqxx::transaction_base &t_;
};

// case: unsafe
// Through a DAO: the read and the write are in helpers; the decision is here.
void pay_fee(pqxx::connection &c, int wallet_id, long fee) {
  pqxx::work w(c);
  WalletDao dao(w);
  const long current = dao.balance(wallet_id); // expect: dbrace-unlocked-read-update
  if (current >= fee)
    dao.set_balance(wallet_id, current - fee);
  w.commit();
}

// case: safe
// The same DAO, its locking read.
void pay_fee_locked(pqxx::connection &c, int wallet_id, long fee) {
  pqxx::work w(c);
  WalletDao dao(w);
  const long current = dao.balance_for_update(wallet_id);
  if (current >= fee)
    dao.set_balance(wallet_id, current - fee);
  w.commit();
}

// case: safe
// Different rows of one table: the family's main wallet is read, a child's
// wallet gets the allowance; the main wallet is not written.
void pay_allowance(pqxx::work &w, int parent_wallet, int child_wallet) {
  pqxx::row p = w.exec_params1("SELECT allowance FROM wallets WHERE id = $1", parent_wallet);
  const long allowance = p[0].as<long>();
  if (allowance > 0)
    w.exec_params("UPDATE wallets SET balance = balance + $1 WHERE id = $2", allowance, child_wallet);
}

// case: unsafe
// Concatenated SQL with std::to_string and a guard through &&.
void cap_balance(pqxx::work &w, int wallet_id, long cap) {
  pqxx::result r = w.exec("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet_id)); // expect: dbrace-unlocked-read-update
  if (!r.empty() && r[0][0].as<long>() > cap)
    w.exec("UPDATE wallets SET balance = " + std::to_string(cap) + ", frozen = balance - " +
           std::to_string(cap) + " WHERE id = " + std::to_string(wallet_id));
}

} // namespace wallets
