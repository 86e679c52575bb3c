// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

// The read runs before the transaction that writes begins: a concurrent
// request can change the row in between, and the transaction, begun too
// late, cannot stop it.

#include <pqxx/pqxx>

// Read in autocommit, written in a work begun afterwards. The fix-it begins
// the work where the nontransaction was, reads through it with a lock, and
// removes the late begin.
void withdraw(pqxx::connection &c, int account, int amount) {
  pqxx::nontransaction n(c);
  int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'accounts' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (balance < amount)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: the transaction begins here
  w.commit();
}
// CHECK-FIXES: {{^}}void withdraw(pqxx::connection &c, int account, int amount) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  pqxx::work w(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int balance = w.exec_params1("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account)[0].as<int>();
// CHECK-FIXES: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  w.exec_params("UPDATE accounts

// The nontransaction is used again after the work begins: moving the begin
// would open two transactions on one connection. The note says what to do.
void withdraw_and_log(pqxx::connection &c, int account, int amount) {
  pqxx::nontransaction n(c);
  int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'accounts' is read before the transaction that writes it begins
  if (balance < amount)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  {
    pqxx::work w(c);
    w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'accounts' is updated here
    // CHECK-NOTES: :[[@LINE-3]]:16: note: the transaction begins here
    w.commit();
  }
  n.exec_params("SELECT pg_notify('accounts', $1)", std::to_string(account));
  // CHECK-NOTES: :[[@LINE-13]]:17: note: begin the transaction before the read: move 'pqxx::work w(c);' above it
}

// ---- Not flagged: the fixed shape ----

void withdraw_fixed(pqxx::connection &c, int account, int amount) {
  pqxx::work w(c);
  int balance = w.exec_params1("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account)[0].as<int>();
  if (balance < amount)
    return;
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
  w.commit();
}
