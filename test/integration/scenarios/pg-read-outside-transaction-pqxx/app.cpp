// A withdrawal with libpqxx: the balance is checked in autocommit, before
// the transaction that spends it begins.
//
// libpqxx allows one open transaction per connection, so the
// nontransaction is committed (closed) before the work begins. dbrace flags
// the read (dbrace-read-outside-transaction) and its fix-it begins the work
// above the read, locked with FOR UPDATE.

#include "window.h"

#include <pqxx/pqxx>

// Returns 1 when the money was withdrawn, 0 when the balance was too low.
int withdraw(pqxx::connection &c, int account, int amount) {
  pqxx::nontransaction n(c);
  const int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();
  n.commit();
  if (balance < amount)
    return 0;
  race_window();
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
  w.exec_params("INSERT INTO ledger(account, amount) VALUES ($1, $2)", account, amount);
  w.commit();
  return 1;
}

// The harness calls this once per client.
int scenario_request(pqxx::connection &c, int) { return withdraw(c, 1, 30); }
