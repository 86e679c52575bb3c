// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// The booking in autocommit: prepare() + addBindValue() + exec(), the row
// read through next()/value(). The value returned runs the write, which a
// commit placed before the return would precede: no fix-it, a note.
bool book_ticket(QSqlDatabase db, int event_id) {
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = ?");
  query.addBindValue(event_id);
  if (!query.exec() || !query.next())
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
    return false;
  if (query.value(0).toInt() <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.addBindValue(event_id);
  return update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:8: note: to run the read and the write in one transaction, write 'db.transaction();' before the read and 'db.commit();' on each normal exit after the write
}

// Read-modify-write in QSqlDatabase::transaction(): the constructor runs the
// SELECT at once. The fix-it locks the row in the literal.
void pay(QSqlDatabase db, int amount) {
  db.transaction();
  QSqlQuery query(QString("SELECT balance FROM wallets WHERE id = 3"), db);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  query.next();
  int balance = query.value(0).toInt();
  QSqlQuery update(db);
  update.prepare("UPDATE wallets SET balance = ? WHERE id = 3");
  update.addBindValue(balance - amount);
  update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:3: note: the transaction begins here
  db.commit();
}
// CHECK-FIXES: QSqlQuery query(QString("SELECT balance FROM wallets WHERE id = 3 FOR UPDATE"), db);

// exec(QString) on one query object for both statements, QLatin1String.
void close_course(QSqlDatabase &db) {
  db.transaction();
  QSqlQuery q(db);
  q.exec(QLatin1String("SELECT free_places FROM courses WHERE code = 'CS101'"));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'courses' is read without a lock
  if (q.next() && q.value(0).toInt() == 0)
    q.exec(QLatin1String("UPDATE courses SET open = false WHERE code = 'CS101'"));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'courses' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:3: note: the transaction begins here
  db.commit();
}
// CHECK-FIXES: q.exec(QLatin1String("SELECT free_places FROM courses WHERE code = 'CS101' FOR UPDATE"));

// The key concatenated into the text: the clause goes after the expression.
bool redeem_coupon(QSqlDatabase &db, int coupon_id) {
  if (!db.transaction())
    return false;
  QSqlQuery q("SELECT used FROM coupons WHERE id = " + QString::number(coupon_id), db);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'coupons' is read without a lock
  if (!q.next() || q.value(0).toBool()) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: the value read is checked here
    db.rollback();
    return false;
  }
  db.exec("UPDATE coupons SET used = true WHERE id = " + QString::number(coupon_id));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'coupons' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:8: note: the transaction begins here
  return db.commit();
}
// CHECK-FIXES: QSqlQuery q("SELECT used FROM coupons WHERE id = " + QString::number(coupon_id) + " FOR UPDATE", db);

// ---- Not flagged ----

// The locked read in the transaction.
bool book_locked(QSqlDatabase &db, int event_id) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = :id FOR UPDATE");
  query.bindValue(":id", event_id);
  if (!query.exec() || !query.next() || query.value(0).toInt() <= 0) {
    db.rollback();
    return false;
  }
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = :id");
  update.bindValue(":id", event_id);
  update.exec();
  return db.commit();
}

// The atomic conditional update, its affected rows checked, with no read.
bool book_atomic(QSqlDatabase &db, int event_id) {
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = :id AND available_seats > 0");
  update.bindValue(":id", event_id);
  return update.exec() && update.numRowsAffected() == 1;
}

// A read that guards the same conditional update, exec()'s result checked.
bool book_checked_twice(QSqlDatabase &db, int event_id) {
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = :id");
  query.bindValue(":id", event_id);
  if (!query.exec() || !query.next() || query.value(0).toInt() <= 0)
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = :id AND available_seats > 0");
  update.bindValue(":id", event_id);
  return update.exec() && update.numRowsAffected() == 1;
}

// A read whose value guards nothing: it is only shown.
int show_seats(QSqlDatabase &db, int event_id) {
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = :id");
  query.bindValue(":id", event_id);
  int seats = query.exec() && query.next() ? query.value(0).toInt() : -1;
  QSqlQuery views(db);
  views.prepare("UPDATE events SET views = views + 1 WHERE id = :id");
  views.bindValue(":id", event_id);
  views.exec();
  return seats;
}

// A read of one table guarding a write of an unrelated one.
void log_if_sold_out(QSqlDatabase &db) {
  QSqlQuery q("SELECT available_seats FROM events WHERE id = 7", db);
  if (q.next() && q.value(0).toInt() == 0)
    db.exec("UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1");
}

// Different rows of the same table.
void feature_other(QSqlDatabase &db) {
  db.transaction();
  QSqlQuery q("SELECT price FROM products WHERE id = 1", db);
  if (q.next() && q.value(0).toDouble() > 0)
    db.exec("UPDATE products SET featured = true WHERE id = 2");
  db.commit();
}
