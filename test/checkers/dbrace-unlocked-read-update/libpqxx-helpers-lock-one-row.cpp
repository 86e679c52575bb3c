// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// A helper's lock covers the row its key names, not the table: the caller
// passes the key, so a transfer that locks the source row through a helper
// and reads the destination row through another (or through the same helper
// with a second key) decides on an unlocked value.

#include <pqxx/pqxx>

long balance_for_update(pqxx::work &w, int account) {
  return w.exec_params1("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account)[0].as<long>();
}
long balance_of(pqxx::work &w, int account) {
  return w.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<long>();
}

struct Pair { long source; long target; };
Pair balances_source_locked(pqxx::work &w, int source, int target) {
  long s = w.exec_params1("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", source)[0].as<long>();
  long t = w.exec_params1("SELECT balance FROM accounts WHERE id = $1", target)[0].as<long>();
  return {s, t};
}

void credit_capped(pqxx::work &w, int source, int target, long amount) {
  long s = balance_for_update(w, source);
  long t = balance_of(w, target);
  if (s >= amount && t + amount <= 1000000) {
    w.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", source, s - amount);
    w.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", target, t + amount);
  }
}
// CHECK-NOTES: :[[@LINE-6]]:12: warning: 'accounts' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-19]]:10: note: the value is read here, in 'balance_of'
// CHECK-NOTES: :[[@LINE-7]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:5: note: 'accounts' is updated here

void move_with_pair(pqxx::work &w, int source, int target, long amount) {
  Pair p = balances_source_locked(w, source, target);
  if (p.source >= amount) {
    w.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", source, p.source - amount);
    w.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", target, p.target + amount);
  }
}
// CHECK-NOTES: :[[@LINE-6]]:12: warning: 'accounts' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-25]]:12: note: the value is read here, in 'balances_source_locked'
// CHECK-NOTES: :[[@LINE-7]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:5: note: 'accounts' is updated here

// Both rows locked through the helper: safe.
void move_both_locked(pqxx::work &w, int source, int target, long amount) {
  long s = balance_for_update(w, source);
  long t = balance_for_update(w, target);
  if (s >= amount) {
    w.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", source, s - amount);
    w.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", target, t + amount);
  }
}

// The same variable locked and then read again: the row is locked.
void reread_locked_row(pqxx::work &w, int account, long amount) {
  balance_for_update(w, account);
  long b = balance_of(w, account);
  if (b >= amount)
    w.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", account, b - amount);
}

// A key the caller computes from a literal names no variable: the lock
// counts for the table, as in one function.
void reread_literal_row(pqxx::work &w, long amount) {
  balance_for_update(w, 7);
  long b = balance_of(w, 7);
  if (b >= amount)
    w.exec_params("UPDATE accounts SET balance = $2 WHERE id = 7", b - amount);
}
