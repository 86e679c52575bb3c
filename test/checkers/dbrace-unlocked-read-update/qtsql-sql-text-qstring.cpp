// Qt's string wrappers: QLatin1String, QStringLiteral (a lambda in Qt 5)
// and QString::arg() with a literal format, whose `%N` markers take their
// argument's text (a table name) or become holes bound to it (a key).
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

void latin1(QSqlDatabase &db, int id) {
  db.transaction();
  QSqlQuery q(db);
  q.prepare(QLatin1String("SELECT balance FROM wallets WHERE id = ?"));
  q.addBindValue(id);
  q.exec();
  q.next();
  int balance = q.value(0).toInt();
  QSqlQuery u(db);
  u.prepare(QLatin1String("UPDATE wallets SET balance = ? WHERE id = ?"));
  u.addBindValue(balance - 5);
  u.addBindValue(id);
  u.exec();
  db.commit();
}
// CHECK-NOTES: :[[@LINE-10]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'wallets' is updated here
// CHECK-NOTES: :[[@LINE-17]]:3: note: the transaction begins here
// CHECK-FIXES: q.prepare(QLatin1String("SELECT balance FROM wallets WHERE id = ? FOR UPDATE"));

// The literal is spelled inside the macro's expansion: no fix-it.
void string_literal(QSqlDatabase &db, int id) {
  db.transaction();
  QSqlQuery q(db);
  q.prepare(QStringLiteral("SELECT stock FROM products WHERE id = :id"));
  q.bindValue(QStringLiteral(":id"), id);
  if (q.exec() && q.next() && q.value(0).toInt() < 10) {
    QSqlQuery u(db);
    u.prepare(QStringLiteral("UPDATE products SET stock = stock + 100 WHERE id = :id"));
    u.bindValue(QStringLiteral(":id"), id);
    u.exec();
  }
  db.commit();
}
// CHECK-NOTES: :[[@LINE-8]]:7: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'products' is updated here
// CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here

// Two markers filled by two arg() calls, lowest first: the table is text,
// the key a hole.
void chained(QSqlDatabase &db, int id) {
  const QString table = QStringLiteral("courses");
  db.transaction();
  QSqlQuery q(db);
  q.exec(QString("SELECT free_places FROM %1 WHERE id = %2").arg(table).arg(id));
  if (q.next() && q.value(0).toInt() == 0)
    q.exec(QString("UPDATE %2 SET open = false WHERE id = %1").arg(id).arg(table));
  db.commit();
}
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'courses' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'courses' is updated here
// CHECK-NOTES: :[[@LINE-10]]:3: note: the transaction begins here
// CHECK-FIXES: q.exec(QString("SELECT free_places FROM %1 WHERE id = %2 FOR UPDATE").arg(table).arg(id));

// One arg() call with two strings fills both markers.
void two_at_once(QSqlDatabase &db, const QString &code) {
  db.transaction();
  QSqlQuery q(db);
  q.exec(QString("SELECT used FROM %1 WHERE code = '%2'").arg(QString("coupons"), code));
  if (q.next() && !q.value(0).toBool())
    q.exec(QString("UPDATE coupons SET used = true WHERE code = '%1'").arg(code));
  db.commit();
}
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'coupons' is updated here
// CHECK-NOTES: :[[@LINE-10]]:3: note: the transaction begins here
// CHECK-FIXES: q.exec(QString("SELECT used FROM %1 WHERE code = '%2' FOR UPDATE").arg(QString("coupons"), code));

// Different keys, or another table: silent.
void other_rows(QSqlDatabase &db, int from, int to) {
  db.transaction();
  QSqlQuery q(db);
  q.exec(QString("SELECT free_places FROM courses WHERE id = %1").arg(from));
  if (q.next() && q.value(0).toInt() == 0)
    q.exec(QString("UPDATE courses SET open = false WHERE id = %1").arg(to));
  q.exec(QString("SELECT free_places FROM %1 WHERE id = %2").arg(QStringLiteral("courses")).arg(from));
  if (q.next() && q.value(0).toInt() == 0)
    q.exec(QString("INSERT INTO %1(course_id) VALUES (%2)").arg(QLatin1String("waiting_lists")).arg(from));
  db.commit();
}
