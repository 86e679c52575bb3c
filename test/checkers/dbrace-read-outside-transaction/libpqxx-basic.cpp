// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <pqxx/pqxx>

// The balance is read in autocommit; the transaction that spends it begins
// afterwards.
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
// The fix-it begins the work in place of the nontransaction, reads through
// it with a lock, and removes the late begin.
// CHECK-FIXES: {{^}}  pqxx::work w(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int balance = w.exec_params1("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account)[0].as<int>();{{$}}
// CHECK-FIXES: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  w.exec_params("UPDATE accounts

// Read (even locked) in one transaction, written in the next: the lock
// ended with the first commit.
void restock(pqxx::connection &c, int product) {
  int stock = 0;
  {
    pqxx::work first(c);
    stock = first.exec_params1("SELECT stock FROM products WHERE id = $1 FOR UPDATE", product)[0].as<int>();
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'products' is read and locked in an earlier transaction than the one that writes it; the lock is gone by the write [dbrace-read-outside-transaction]
    first.commit();
  }
  pqxx::work second(c);
  if (stock < 10)
    second.exec_params("UPDATE products SET stock = stock + 100 WHERE id = $1", product);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-5]]:14: note: the transaction begins here
  second.commit();
}

// A helper with a transaction of its own writes what the caller read.
static void take_seat(pqxx::connection &c, int event_id) {
  pqxx::work w(c);
  w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  w.commit();
}

void book(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  pqxx::row r = n.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'events' is read before the transaction that writes it begins
  if (r[0].as<int>() > 0)
    take_seat(c, event_id);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated by this call
  // CHECK-NOTES: :[[@LINE-12]]:3: note: 'events' is updated here, in 'take_seat'
  // CHECK-NOTES: :[[@LINE-4]]:5: note: the transaction begins here
}

// Refused: the nontransaction also goes to a function that takes only a
// nontransaction, so the work cannot take its place there. The notes say
// what to move and what else must change.
void log_withdrawal(pqxx::nontransaction &n, int account);
void withdraw_logged(pqxx::connection &c, int account, int amount) {
  pqxx::nontransaction logged(c);
  int balance = logged.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'accounts' is read before the transaction that writes it begins
  log_withdrawal(logged, account);
  if (balance < amount)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-10]]:17: note: begin the transaction before the read: move 'pqxx::work w(c);' above it
  // CHECK-NOTES: :[[@LINE-9]]:18: note: 'logged' is passed here to a parameter of type 'pqxx::nontransaction &', which does not accept a 'pqxx::work'
  w.commit();
}
// CHECK-FIXES: {{^}}  pqxx::nontransaction logged(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int balance = logged.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();{{$}}
// CHECK-FIXES: {{^}}  pqxx::work w(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);{{$}}

// ---- Not flagged ----

void withdraw_locked(pqxx::connection &c, int account, int amount) {
  pqxx::work w(c);
  int balance = w.exec_params1("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account)[0].as<int>();
  if (balance < amount)
    return;
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, account);
  w.commit();
}

// A read outside whose value decides nothing written.
void audit(pqxx::connection &c, int account) {
  pqxx::nontransaction n(c);
  int balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1", account)[0].as<int>();
  pqxx::work w(c);
  w.exec_params("INSERT INTO audit_log (account, seen) VALUES ($1, now())", account);
  w.commit();
  (void)balance;
}
