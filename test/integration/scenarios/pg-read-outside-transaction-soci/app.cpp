// A withdrawal with SOCI: the balance is checked in autocommit, before the
// transaction that spends it begins.
//
// Every client reads the same balance, every one finds enough money, and
// every one withdraws: the account goes below zero. dbrace flags the read
// (dbrace-read-outside-transaction); its fix-it begins the transaction
// above the read, locks the read (FOR UPDATE) and removes the late begin.

#include "window.h"

#include <soci/soci.h>

// Returns 1 when the money was withdrawn, 0 when the balance was too low.
int withdraw(soci::session &sql, int account, int amount) {
  int balance = 0;
  sql << "SELECT balance FROM accounts WHERE id = :id", soci::into(balance), soci::use(account);
  if (balance < amount)
    return 0;
  race_window();
  soci::transaction tr(sql);
  sql << "UPDATE accounts SET balance = balance - :amount WHERE id = :id", soci::use(amount), soci::use(account);
  sql << "INSERT INTO ledger(account, amount) VALUES (:id, :amount)", soci::use(account), soci::use(amount);
  tr.commit();
  return 1;
}

// The harness calls this once per client.
int scenario_request(soci::session &sql, int) { return withdraw(sql, 1, 30); }
