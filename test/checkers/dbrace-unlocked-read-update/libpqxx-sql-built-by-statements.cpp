// SQL built in a local std::string over several statements: `+=`, and
// append() calls chained on one another, with std::to_string pieces (holes
// bound to their argument, so the row's key is known) and characters.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <pqxx/pqxx>
#include <string>

void pay(pqxx::work &w, int wallet, int amount) {
  std::string sql = "SELECT balance FROM wallets";
  sql += ' ';
  sql.append("WHERE id = ").append(std::to_string(wallet));
  int balance = w.exec(sql)[0][0].as<int>();
  std::string update = "UPDATE wallets SET balance = ";
  update += std::to_string(balance - amount);
  update.append(" WHERE id = ").append(std::to_string(wallet));
  w.exec(update);
}
// CHECK-NOTES: :[[@LINE-6]]:17: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-3]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'wallets' is updated here
// The text ends in the key, so the lock clause is one more append.
// CHECK-FIXES: {{^}}  sql.append("WHERE id = ").append(std::to_string(wallet)).append(" FOR UPDATE");{{$}}

// Not flagged: the key is the last piece of each chain, and the read's row
// (`from`) is not the row written (`to`).
void copy_balance(pqxx::work &w, int from, int to) {
  std::string sql = "SELECT balance FROM wallets";
  sql.append(" WHERE id = ").append(std::to_string(from));
  int balance = w.exec(sql)[0][0].as<int>();
  std::string update = "UPDATE wallets SET balance = " + std::to_string(balance);
  update.append(" WHERE id = ").append(std::to_string(to));
  w.exec(update);
}

// Not flagged: the read built this way locks the row.
void pay_locked(pqxx::work &w, int wallet, int amount) {
  std::string sql = "SELECT balance FROM wallets WHERE id = ";
  sql.append(std::to_string(wallet)).append(" FOR UPDATE");
  int balance = w.exec(sql)[0][0].as<int>();
  w.exec("UPDATE wallets SET balance = " + std::to_string(balance - amount) + " WHERE id = " + std::to_string(wallet));
}
