// RUN: %check_dbrace %s 'dbrace-*' %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s 'dbrace-*' %t.real

// A lambda called later is summarised like a helper; a condition in it on a
// variable it captured is the caller's check of that variable.

#include <pqxx/pqxx>
#include <string>

// ---- Flagged ----

void captured_by_reference(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  auto take = [&] {
    if (seats > 0)
      w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  };
  take();
}
// CHECK-NOTES: :[[@LINE-7]]:15: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'events' is updated by this call
// CHECK-NOTES: :[[@LINE-7]]:7: note: 'events' is updated here, in 'lambda'
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void captured_by_copy_early_return(pqxx::work &w, int id) {
  int balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1", id)[0].as<int>();
  auto pay = [&w, balance, id](int amount) {
    if (balance < amount)
      return false;
    w.exec_params("UPDATE wallets SET balance = balance - $1 WHERE id = $2", amount, id);
    return true;
  };
  pay(10);
}
// CHECK-NOTES: :[[@LINE-9]]:17: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-8]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'wallets' is updated by this call
// CHECK-NOTES: :[[@LINE-8]]:5: note: 'wallets' is updated here, in 'lambda'
// CHECK-FIXES: int balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// The lambda writes through the caller's own transaction object.
void captured_local_transaction(pqxx::connection &c, int id) {
  pqxx::work tx(c);
  int stock = tx.exec_params1("SELECT stock FROM items WHERE id = $1", id)[0].as<int>();
  auto sell = [&] {
    if (stock > 0)
      tx.exec_params("UPDATE items SET stock = stock - 1 WHERE id = $1", id);
  };
  sell();
  tx.commit();
}
// CHECK-NOTES: :[[@LINE-8]]:15: warning: 'items' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-7]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'items' is updated by this call
// CHECK-NOTES: :[[@LINE-8]]:7: note: 'items' is updated here, in 'lambda'
// CHECK-NOTES: :[[@LINE-13]]:14: note: the transaction begins here
// CHECK-FIXES: int stock = tx.exec_params1("SELECT stock FROM items WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// ---- Not flagged ----

// The read is locked.
void captured_locked(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
  auto take = [&] {
    if (seats > 0)
      w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  };
  take();
}

// The captured variable does not hold a read.
void captured_not_read(pqxx::work &w, int id, int requested) {
  w.exec_params1("SELECT seats FROM events WHERE id = $1", id);
  auto take = [&] {
    if (requested > 0)
      w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  };
  take();
}

// The lambda is never called.
void lambda_not_called(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  auto take = [&] {
    if (seats > 0)
      w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  };
  (void)take;
}
