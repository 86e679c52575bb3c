// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <pqxx/pqxx>

// libpqxx allows one open transaction per connection, so the autocommit
// handle is closed before the work begins. When the work takes the handle's
// place, that commit would end the work right after the read and the update
// would run unprotected: the fix-it drops it.
int withdraw(pqxx::connection &c, int account, int amount) {
  pqxx::nontransaction n(c);
  const int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'accounts' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  n.commit();
  if (balance < amount)
    return 0;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: the transaction begins here
  w.commit();
  return 1;
}
// CHECK-FIXES: {{^}}int withdraw(pqxx::connection &c, int account, int amount) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  pqxx::work w(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  const int balance = w.exec_params1("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account)[0].as<int>();{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (balance < amount){{$}}
// CHECK-FIXES-NEXT: {{^}}    return 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  w.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return 1;{{$}}

// An abort of the handle ends the work as well.
void restock(pqxx::connection &c, int product) {
  pqxx::nontransaction n(c);
  const int stock = n.exec_params1("SELECT stock FROM products WHERE id = $1", product)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'products' is read before the transaction that writes it begins
  n.abort();
  if (stock >= 10)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  pqxx::work w(c);
  w.exec_params("UPDATE products SET stock = stock + 100 WHERE id = $1", product);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: the transaction begins here
  w.commit();
}
// CHECK-FIXES: {{^}}void restock(pqxx::connection &c, int product) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  pqxx::work w(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  const int stock = w.exec_params1("SELECT stock FROM products WHERE id = $1 FOR UPDATE", product)[0].as<int>();{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (stock >= 10){{$}}

// The handle's commit on the early exit only: renamed, it ends the work
// where the function returns, as the handle's did.
int pay(pqxx::connection &c, int account, int amount) {
  pqxx::nontransaction n(c);
  const int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'accounts' is read before the transaction that writes it begins
  if (balance < amount) {
    n.commit();
    return 0;
  }
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  n.commit();
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: the transaction begins here
  w.commit();
  return 1;
}
// CHECK-FIXES: {{^}}int pay(pqxx::connection &c, int account, int amount) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  pqxx::work w(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  const int balance = w.exec_params1("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account)[0].as<int>();{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (balance < amount) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    w.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}    return 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  w.exec_params("UPDATE accounts

// A handle on another connection, begun and committed between the read
// and the begin: both connections are references and may be one, and then
// the work begun above the read would be open while the handle begins
// (libpqxx throws). No fix-it.
int withdraw_logged(pqxx::connection &c, pqxx::connection &log, int account, int amount) {
  pqxx::nontransaction n(c);
  const int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'accounts' is read before the transaction that writes it begins
  n.commit();
  pqxx::nontransaction l(log);
  l.exec_params("INSERT INTO audit(account) VALUES ($1)", account);
  l.commit();
  if (balance < amount)
    return 0;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-13]]:23: note: begin the transaction before the read: move 'pqxx::work w(c);' above it
  w.commit();
  return 1;
}
// CHECK-FIXES: {{^}}int withdraw_logged(pqxx::connection &c, pqxx::connection &log, int account, int amount) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  pqxx::nontransaction n(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  const int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  n.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  pqxx::nontransaction l(log);{{$}}

// A transaction of its own runs between the read and the begin, on the
// same connection: with the work begun above the read, two transactions
// would be open on it at once (libpqxx throws). No fix-it; the note says
// what to move.
int withdraw_audited(pqxx::connection &c, int account, int amount) {
  pqxx::nontransaction n(c);
  const int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'accounts' is read before the transaction that writes it begins
  n.commit();
  {
    pqxx::work audit(c);
    audit.exec_params("INSERT INTO audit(account) VALUES ($1)", account);
    audit.commit();
  }
  if (balance < amount)
    return 0;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-15]]:23: note: begin the transaction before the read: move 'pqxx::work w(c);' above it
  w.commit();
  return 1;
}
// CHECK-FIXES: {{^}}int withdraw_audited(pqxx::connection &c, int account, int amount) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  pqxx::nontransaction n(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  const int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  n.commit();{{$}}
