// FLAGS: -fPIC -isystem /usr/include/x86_64-linux-gnu/qt5 -isystem /usr/include/x86_64-linux-gnu/qt5/QtCore -isystem /usr/include/x86_64-linux-gnu/qt5/QtSql
// Blind cases, labelled by hand before dbrace was run on them: gift coupons
// with a maximum number of uses and transferable ownership, Qt 5 SQL on
// PostgreSQL (QPSQL), real Qt headers.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace coupons {

struct CouponInfo {
  QString code;
  QString ownerEmail;
  int maxUses = 0;
  bool active = false;
};

static const QString kCouponByCode = QStringLiteral(
    "SELECT c.owner_email, c.max_uses, c.active FROM marketing.coupons c WHERE c.code = :code");

// case: unsafe
// max_uses is read from coupons, then the uses are counted and one is
// inserted, in a transaction without any lock: two checkouts both count
// max_uses - 1 and both insert.
bool use_coupon(QSqlDatabase db, const QString &code, const QString &orderNo) {
  db.transaction();
  QSqlQuery c(db);
  c.prepare(kCouponByCode);
  c.bindValue(QStringLiteral(":code"), code);
  if (!c.exec() || !c.next()) {
    db.rollback();
    return false;
  }
  const int maxUses = c.value(1).toInt();
  QSqlQuery n(db);
  n.prepare(QStringLiteral("SELECT count(*) FROM marketing.coupon_uses WHERE code = :code"));
  n.bindValue(QStringLiteral(":code"), code);
  n.exec(); // expect: dbrace-check-then-insert
  n.next();
  if (n.value(0).toInt() >= maxUses) {
    db.rollback();
    return false;
  }
  QSqlQuery ins(db);
  ins.prepare(QStringLiteral("INSERT INTO marketing.coupon_uses (code, order_no) VALUES (:code, :order)"));
  ins.bindValue(QStringLiteral(":code"), code);
  ins.bindValue(QStringLiteral(":order"), orderNo);
  ins.exec();
  return db.commit();
}

// case: safe
// The coupon (parent) row is locked FOR UPDATE before its uses are
// counted, so every use of this code queues on that row.
bool use_coupon_locked(QSqlDatabase db, const QString &code, const QString &orderNo) {
  db.transaction();
  QSqlQuery c(db);
  c.prepare(kCouponByCode + QStringLiteral(" FOR UPDATE"));
  c.bindValue(QStringLiteral(":code"), code);
  if (!c.exec() || !c.next()) {
    db.rollback();
    return false;
  }
  const int maxUses = c.value(1).toInt();
  QSqlQuery n(db);
  n.prepare(QStringLiteral("SELECT count(*) FROM marketing.coupon_uses WHERE code = :code"));
  n.bindValue(QStringLiteral(":code"), code);
  n.exec();
  n.next();
  if (n.value(0).toInt() >= maxUses) {
    db.rollback();
    return false;
  }
  QSqlQuery ins(db);
  ins.prepare(QStringLiteral("INSERT INTO marketing.coupon_uses (code, order_no) VALUES (:code, :order)"));
  ins.bindValue(QStringLiteral(":code"), code);
  ins.bindValue(QStringLiteral(":order"), orderNo);
  ins.exec();
  return db.commit();
}

// case: safe
// The coupon is read for the "my coupons" page; nothing is written.
CouponInfo describe_coupon(QSqlDatabase db, const QString &code) {
  CouponInfo info;
  QSqlQuery c(db);
  c.prepare(kCouponByCode);
  c.bindValue(QStringLiteral(":code"), code);
  if (c.exec() && c.next()) {
    info.code = code;
    info.ownerEmail = c.value(0).toString();
    info.maxUses = c.value(1).toInt();
    info.active = c.value(2).toBool();
  }
  return info;
}

// case: unsafe
// Ownership transfer with FOR UPDATE but no db.transaction(): in autocommit
// the lock ends with the SELECT, so two transfers from the same owner to
// different people both succeed.
bool transfer_coupon(QSqlDatabase db, const QString &code, const QString &fromEmail, const QString &toEmail) {
  QSqlQuery c(db);
  c.prepare(QStringLiteral("SELECT owner_email, active FROM marketing.coupons WHERE code = :code FOR UPDATE"));
  c.bindValue(QStringLiteral(":code"), code);
  if (!c.exec() || !c.next()) // expect: dbrace-lock-without-transaction
    return false;
  if (c.value(0).toString() != fromEmail || !c.value(1).toBool())
    return false;
  QSqlQuery upd(db);
  upd.prepare(QStringLiteral("UPDATE marketing.coupons SET owner_email = :to WHERE code = :code"));
  upd.bindValue(QStringLiteral(":to"), toEmail);
  upd.bindValue(QStringLiteral(":code"), code);
  return upd.exec();
}

// case: safe
// Transfer as one conditional UPDATE: the WHERE re-checks the owner and
// the active flag, and numRowsAffected() says whether it applied.
bool transfer_coupon_atomic(QSqlDatabase db, const QString &code, const QString &fromEmail,
                            const QString &toEmail) {
  QSqlQuery upd(db);
  upd.prepare(QStringLiteral("UPDATE marketing.coupons SET owner_email = :to "
                             "WHERE code = :code AND owner_email = :from AND active"));
  upd.bindValue(QStringLiteral(":to"), toEmail);
  upd.bindValue(QStringLiteral(":code"), code);
  upd.bindValue(QStringLiteral(":from"), fromEmail);
  return upd.exec() && upd.numRowsAffected() == 1;
}

} // namespace coupons
