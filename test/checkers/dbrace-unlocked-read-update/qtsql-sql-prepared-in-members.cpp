// QSqlQuery members prepared once in an init() member and run by exec() in
// another member function: their SQL, and the lock clause's place, are
// known where they run.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

class Stock {
public:
  explicit Stock(QSqlDatabase db) : db_(db), select_(db), select_locked_(db), update_(db) {}

  bool init() {
    return select_.prepare("SELECT quantity FROM stock WHERE sku = :sku") &&
           select_locked_.prepare("SELECT quantity FROM stock WHERE sku = :sku FOR UPDATE") &&
           update_.prepare("UPDATE stock SET quantity = :q WHERE sku = :sku");
  }

  bool take(int sku, int n) {
    db_.transaction();
    select_.bindValue(":sku", sku);
    select_.exec();
    int qty = select_.next() ? select_.value(0).toInt() : 0;
    if (qty < n)
      return false;
    update_.bindValue(":q", qty - n);
    update_.bindValue(":sku", sku);
    update_.exec();
    db_.commit();
    return true;
  }
  // CHECK-NOTES: :[[@LINE-10]]:5: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-9]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'stock' is updated here
  // CHECK-NOTES: :[[@LINE-15]]:5: note: the transaction begins here
  // CHECK-FIXES: return select_.prepare("SELECT quantity FROM stock WHERE sku = :sku FOR UPDATE") &&

  // Not flagged: the query prepared with the lock.
  bool take_locked(int sku, int n) {
    db_.transaction();
    select_locked_.bindValue(":sku", sku);
    select_locked_.exec();
    int qty = select_locked_.next() ? select_locked_.value(0).toInt() : 0;
    if (qty < n)
      return false;
    update_.bindValue(":q", qty - n);
    update_.bindValue(":sku", sku);
    update_.exec();
    db_.commit();
    return true;
  }

private:
  QSqlDatabase db_;
  QSqlQuery select_;
  QSqlQuery select_locked_;
  QSqlQuery update_;
};
