// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

// Values bound by name (`bindValue(":code", v)`) go to the placeholders of
// that name, in whatever order they are bound: the parent row locked by a
// value covers the check of its children by the same value.

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// Safe: every use of this coupon first locks the coupon's row.
bool use_coupon(QSqlDatabase db, const QString &code, const QString &order) {
  db.transaction();
  QSqlQuery coupon(db);
  coupon.prepare(QStringLiteral("SELECT max_uses FROM coupons WHERE code = :code FOR UPDATE"));
  coupon.bindValue(QStringLiteral(":code"), code);
  if (!coupon.exec() || !coupon.next()) {
    db.rollback();
    return false;
  }
  const int maxUses = coupon.value(0).toInt();
  QSqlQuery uses(db);
  uses.prepare("SELECT count(*) FROM coupon_uses WHERE code = :code AND kind = :kind");
  uses.bindValue(":kind", 1);
  uses.bindValue(":code", code);
  uses.exec();
  uses.next();
  if (uses.value(0).toInt() >= maxUses) {
    db.rollback();
    return false;
  }
  QSqlQuery ins(db);
  ins.prepare("INSERT INTO coupon_uses (code, order_no) VALUES (:code, :order)");
  ins.bindValue(":order", order);
  ins.bindValue(":code", code);
  ins.exec();
  return db.commit();
}

// The row locked is another coupon's: the uses of 'code' are not covered.
bool use_coupon_wrong_lock(QSqlDatabase db, const QString &code,
                           const QString &parent, const QString &order) {
  db.transaction();
  QSqlQuery coupon(db);
  coupon.prepare("SELECT max_uses FROM coupons WHERE code = :code FOR UPDATE");
  coupon.bindValue(":code", parent);
  coupon.exec();
  QSqlQuery uses(db);
  uses.prepare("SELECT count(*) FROM coupon_uses WHERE code = :code");
  uses.bindValue(":code", code);
  uses.exec();
  uses.next();
  if (uses.value(0).toInt() >= 3) {
    db.rollback();
    return false;
  }
  QSqlQuery ins(db);
  ins.prepare("INSERT INTO coupon_uses (code, order_no) VALUES (:code, :order)");
  ins.bindValue(":code", code);
  ins.bindValue(":order", order);
  ins.exec();
  return db.commit();
}
// CHECK-NOTES: :[[@LINE-13]]:3: warning: check of 'coupon_uses' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
// CHECK-NOTES: :[[@LINE-12]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'coupon_uses' is inserted into here
// CHECK-NOTES: :[[@LINE-24]]:3: note: the transaction begins here
// CHECK-NOTES: :[[@LINE-7]]:3: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
