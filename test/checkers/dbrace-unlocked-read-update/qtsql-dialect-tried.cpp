// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// The connection is opened in another file: which database this is, the
// code here does not say. Text PostgreSQL's parser refuses is tried as
// SQLite and MySQL, whose back-ticks it then reads.
bool book_ticket(QSqlDatabase db, int event_id) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT `available_seats` FROM `events` WHERE `id` = ?");
  query.addBindValue(event_id);
  if (!query.exec() || !query.next())
    return false;
  if (query.value(0).toInt() <= 0)
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE `events` SET `available_seats` = `available_seats` - 1 WHERE `id` = ?");
  update.addBindValue(event_id);
  update.exec();
  return db.commit();
}
// CHECK-NOTES: :[[@LINE-10]]:8: warning: 'events' is read without a lock and then written based on the value
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-17]]:3: note: the transaction begins here

// Text every dialect reads keeps PostgreSQL's reading, and its fix-it.
bool redeem(QSqlDatabase db, int coupon) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT used FROM coupons WHERE id = ?");
  query.addBindValue(coupon);
  if (!query.exec() || !query.next() || query.value(0).toBool())
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE coupons SET used = true WHERE id = ?");
  update.addBindValue(coupon);
  update.exec();
  return db.commit();
}
// CHECK-NOTES: :[[@LINE-8]]:8: warning: 'coupons' is read without a lock and then written based on the value
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'coupons' is updated here
// CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here
// CHECK-FIXES: query.prepare("SELECT used FROM coupons WHERE id = ? FOR UPDATE");
