// Poco::Data::Statement members prepared once, in the constructor's body
// (`select_ << "...", into(qty_), use(sku_);`) or assigned in an open()
// member (`update_ = (session << "...", use(qty_), use(sku_));`, which runs
// only with `now`), and executed in another member function: their SQL, and
// the members they fill and use, are known where they run.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

class Stock {
public:
  explicit Stock(Poco::Data::Session &session)
      : session_(session), select_(session), select_locked_(session), update_(session) {
    select_ << "SELECT quantity FROM stock WHERE sku = ?", into(qty_), use(sku_);
    select_locked_ << "SELECT quantity FROM stock WHERE sku = ? FOR UPDATE", into(qty_), use(sku_);
  }

  void open() {
    update_ = (session_ << "UPDATE stock SET quantity = ? WHERE sku = ?", use(qty_), use(sku_));
  }

  bool take(int sku, int n) {
    session_.begin();
    sku_ = sku;
    select_.execute();
    if (qty_ < n)
      return false;
    qty_ -= n;
    update_.execute();
    session_.commit();
    return true;
  }
  // CHECK-NOTES: :[[@LINE-8]]:5: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-8]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'stock' is updated here
  // CHECK-NOTES: :[[@LINE-13]]:5: note: the transaction begins here
  // CHECK-FIXES: select_ << "SELECT quantity FROM stock WHERE sku = ? FOR UPDATE", into(qty_), use(sku_);

  // Not flagged: the statement prepared with the lock.
  bool take_locked(int sku, int n) {
    session_.begin();
    sku_ = sku;
    select_locked_.execute();
    if (qty_ < n)
      return false;
    qty_ -= n;
    update_.execute();
    session_.commit();
    return true;
  }

private:
  Poco::Data::Session &session_;
  int qty_ = 0;
  int sku_ = 0;
  Poco::Data::Statement select_;
  Poco::Data::Statement select_locked_;
  Poco::Data::Statement update_;
};
