// An explicit DEFERRED mode gets the same fix-it as the default: the
// constant is replaced by the rules' immediate_transaction_arg.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlitecpp
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

// DEFERRED spelled out: the same lost update as the default transaction.
void pay(SQLite::Database &db, int wallet, int amount) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::DEFERRED);
  int balance = db.execAndGet("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  db.exec("UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:23: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
