// Qt's named (`:id`) and positional (`?`) placeholders in the postgresql
// dialect, and the `%1` markers QString::arg() fills.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// prepare() + bindValue() in a transaction, no lock.
bool book_ticket(QSqlDatabase &db, int event_id) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = :id");
  query.bindValue(":id", event_id);
  if (!query.exec() || !query.next() || query.value(0).toInt() <= 0) {
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
    db.rollback();
    return false;
  }
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = :id");
  update.bindValue(":id", event_id);
  update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here
  return db.commit();
}
// CHECK-FIXES: query.prepare("SELECT available_seats FROM events WHERE id = :id FOR UPDATE");

// A positional placeholder and a read-modify-write.
void pay(QSqlDatabase &db, int wallet, int amount) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT balance FROM wallets WHERE id = ?");
  query.addBindValue(wallet);
  query.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read without a lock
  query.next();
  int balance = query.value(0).toInt();
  QSqlQuery update(db);
  update.prepare("UPDATE wallets SET balance = ? WHERE id = ?");
  update.addBindValue(balance - amount);
  update.addBindValue(wallet);
  update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here
  db.commit();
}
// CHECK-FIXES: query.prepare("SELECT balance FROM wallets WHERE id = ? FOR UPDATE");

// QString::arg() fills a `%1` marker; the literal can still take the clause.
void close_course(QSqlDatabase &db, int course_id) {
  db.transaction();
  QSqlQuery q(db);
  q.exec(QString("SELECT free_places FROM courses WHERE id = %1").arg(course_id));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'courses' is read without a lock
  if (q.next() && q.value(0).toInt() == 0)
    q.exec(QString("UPDATE courses SET open = false WHERE id = %1").arg(course_id));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'courses' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:3: note: the transaction begins here
  db.commit();
}
// CHECK-FIXES: q.exec(QString("SELECT free_places FROM courses WHERE id = %1 FOR UPDATE").arg(course_id));
