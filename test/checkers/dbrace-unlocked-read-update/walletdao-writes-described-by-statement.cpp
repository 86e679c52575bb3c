// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%inputs/walletdao/walletdao.yaml'}}" -- -I %inputs/walletdao

// Writes of a project's own layer that run no SQL the calling file can
// see, described in the rules by the statement each runs (`sql:`): an
// absolute write and a relative one both lose a concurrent debit after an
// unlocked read decided them; a write whose WHERE re-asserts the decided
// value and whose row count is checked protects itself; a read under a
// row lock in a transaction is safe.

#include "walletdao.h"

// The balance read decides, and the write stores a value computed from it.
bool pay_absolute(walletdao::Wallets &w, long id, long amount) {
  long balance = w.balance(id);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'wallets' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (balance < amount)
    // CHECK-NOTES: :[[@LINE-1]]:7: note: the value read is checked here
    return false;
  w.setBalance(id, balance - amount);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated here
  return true;
}

// Relative (`balance = balance - amount`) does not help: two requests that
// both saw enough both debit, and the balance goes below zero.
bool pay_relative(walletdao::Wallets &w, long id, long amount) {
  if (w.balance(id) < amount)
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'wallets' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
    // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
    return false;
  w.debit(id, amount);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated here
  return true;
}

// The write re-asserts what the read decided (`AND balance >= amount`) and
// its row count is checked: a concurrent debit makes it change nothing.
bool pay_conditional(walletdao::Wallets &w, long id, long amount) {
  if (w.balance(id) < amount)
    return false;
  return w.debitIfCovered(id, amount) == 1;
}

// Read under a row lock inside a transaction: the second request waits.
bool pay_locked(walletdao::Db &db, walletdao::Wallets &w, long id,
                long amount) {
  db.begin();
  if (w.balanceForUpdate(id) < amount) {
    db.rollback();
    return false;
  }
  w.debit(id, amount);
  db.commit();
  return true;
}
