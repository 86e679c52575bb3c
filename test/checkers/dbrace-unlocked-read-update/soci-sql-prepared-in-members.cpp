// soci::statement members prepared once, in the constructor's member
// initialisers (`(sql.prepare << "...", into(qty_), use(sku_))`) or by
// exchange() and prepare() in its body, and executed in another member
// function: their SQL, and the members they fill and use, are known where
// they run.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <soci/soci.h>

class Stock {
public:
  explicit Stock(soci::session &sql)
      : sql_(sql),
        select_((sql.prepare << "SELECT quantity FROM stock WHERE sku = :sku", soci::into(qty_), soci::use(sku_))),
        select_locked_((sql.prepare << "SELECT quantity FROM stock WHERE sku = :sku FOR UPDATE", soci::into(qty_), soci::use(sku_))),
        update_(sql) {
    update_.exchange(soci::use(qty_));
    update_.exchange(soci::use(sku_));
    update_.prepare("UPDATE stock SET quantity = :q WHERE sku = :sku");
  }

  bool take(int sku, int n) {
    soci::transaction tr(sql_);
    sku_ = sku;
    select_.execute(true);
    if (qty_ < n)
      return false;
    qty_ -= n;
    update_.execute(true);
    tr.commit();
    return true;
  }
  // CHECK-NOTES: :[[@LINE-8]]:5: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-8]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'stock' is updated here
  // CHECK-NOTES: :[[@LINE-13]]:23: note: the transaction begins here
  // CHECK-FIXES: select_((sql.prepare << "SELECT quantity FROM stock WHERE sku = :sku FOR UPDATE", soci::into(qty_), soci::use(sku_))),

  // Not flagged: the statement prepared with the lock.
  bool take_locked(int sku, int n) {
    soci::transaction tr(sql_);
    sku_ = sku;
    select_locked_.execute(true);
    if (qty_ < n)
      return false;
    qty_ -= n;
    update_.execute(true);
    tr.commit();
    return true;
  }

private:
  soci::session &sql_;
  int qty_ = 0;
  int sku_ = 0;
  soci::statement select_;
  soci::statement select_locked_;
  soci::statement update_;
};
