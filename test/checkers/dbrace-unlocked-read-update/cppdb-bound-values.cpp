// Values bound with `<<` on a prepared statement, or in the chain that
// runs it, are the write's inputs.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/cppdb
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <cppdb/frontend.h>

// Read-modify-write through a prepared statement.
void pay(cppdb::session &sql, int wallet, long long amount) {
  cppdb::transaction guard(sql);
  long long balance = 0;
  cppdb::result r = sql << "SELECT balance FROM wallets WHERE id = ?" << wallet << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone
  r >> balance;
  cppdb::statement update = sql.prepare("UPDATE wallets SET balance = ? WHERE id = ?");
  update << balance - amount << wallet;
  update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-10]]:22: note: the transaction begins here
  guard.commit();
}
// CHECK-FIXES: cppdb::result r = sql << "SELECT balance FROM wallets WHERE id = ? FOR UPDATE" << wallet << cppdb::row;

// The same in one chain.
void pay_chained(cppdb::session &sql, int wallet, long long amount) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT balance FROM wallets WHERE id = ?" << wallet << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone
  long long balance = r.get<long long>(0);
  sql << "UPDATE wallets SET balance = ? WHERE id = ?" << balance - amount << wallet << cppdb::exec;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:22: note: the transaction begins here
  guard.commit();
}
// CHECK-FIXES: cppdb::result r = sql << "SELECT balance FROM wallets WHERE id = ? FOR UPDATE" << wallet << cppdb::row;
