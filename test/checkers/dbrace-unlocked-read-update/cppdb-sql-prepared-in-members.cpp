// cppdb::statement members prepared once, in the constructor's member
// initialisers or by assignment in its body, and run in another member
// function: their SQL is known where they run.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/cppdb
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <cppdb/frontend.h>

class Stock {
public:
  explicit Stock(cppdb::session &sql)
      : sql_(sql), select_(sql.prepare("SELECT quantity FROM stock WHERE sku = ?")) {
    select_locked_ = sql.prepare("SELECT quantity FROM stock WHERE sku = ? FOR UPDATE");
    update_ = sql.prepare("UPDATE stock SET quantity = ? WHERE sku = ?");
  }

  bool take(int sku, int n) {
    cppdb::transaction guard(sql_);
    select_.reset();
    select_ << sku;
    cppdb::result r = select_.row();
    int qty = r.empty() ? 0 : r.get<int>(0);
    if (qty < n)
      return false;
    update_.reset();
    update_ << qty - n << sku;
    update_.exec();
    guard.commit();
    return true;
  }
  // CHECK-NOTES: :[[@LINE-10]]:23: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-9]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'stock' is updated here
  // CHECK-NOTES: :[[@LINE-16]]:24: note: the transaction begins here
  // CHECK-FIXES: : sql_(sql), select_(sql.prepare("SELECT quantity FROM stock WHERE sku = ? FOR UPDATE")) {

  // Not flagged: the statement prepared with the lock.
  bool take_locked(int sku, int n) {
    cppdb::transaction guard(sql_);
    select_locked_.reset();
    select_locked_ << sku;
    cppdb::result r = select_locked_.row();
    int qty = r.empty() ? 0 : r.get<int>(0);
    if (qty < n)
      return false;
    update_.reset();
    update_ << qty - n << sku;
    update_.exec();
    guard.commit();
    return true;
  }

private:
  cppdb::session &sql_;
  cppdb::statement select_;
  cppdb::statement select_locked_;
  cppdb::statement update_;
};
