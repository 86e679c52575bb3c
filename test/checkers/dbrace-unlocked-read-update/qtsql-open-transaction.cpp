// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

// No transaction at all in Qt SQL: the fix-it begins one on the connection
// the queries were made from (`db.transaction()` above the read), commits it
// on each normal exit (`db.commit()`), and locks the read.

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool book(QSqlDatabase &db, int event_id) {
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = ?");
  query.addBindValue(event_id);
  query.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (!query.next() || query.value(0).toInt() <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.addBindValue(event_id);
  update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  query.prepare("SELECT available_seats FROM events WHERE id = ? FOR UPDATE");{{$}}
// CHECK-FIXES-NEXT: {{^}}  query.addBindValue(event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  db.transaction();{{$}}
// CHECK-FIXES-NEXT: {{^}}  query.exec();{{$}}
// CHECK-FIXES: {{^}}    { db.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  update.exec();{{$}}
// CHECK-FIXES: {{^}}  db.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// The query constructor runs the read, the connection's exec() the write.
void pay(QSqlDatabase db, int amount) {
  QSqlQuery query(QString("SELECT balance FROM wallets WHERE id = 3"), db);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'wallets' is read without a transaction or lock
  query.next();
  int balance = query.value(0).toInt();
  db.exec("UPDATE wallets SET balance = " + QString::number(balance - amount) + " WHERE id = 3");
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
}
// CHECK-FIXES: {{^}}  db.transaction();{{$}}
// CHECK-FIXES-NEXT: {{^}}  QSqlQuery query(QString("SELECT balance FROM wallets WHERE id = 3 FOR UPDATE"), db);{{$}}
// CHECK-FIXES: {{^}}  db.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// Refused: the value returned runs the write, which would then run after
// the commit. The note says what to write.
bool book_returning(QSqlDatabase &db, int event_id) {
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = ?");
  query.addBindValue(event_id);
  query.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a transaction or lock
  if (!query.next() || query.value(0).toInt() <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.addBindValue(event_id);
  return update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-10]]:3: note: to run the read and the write in one transaction, write 'db.transaction();' before the read and 'db.commit();' on each normal exit after the write
}
// CHECK-FIXES: {{^}}  query.prepare("SELECT available_seats FROM events WHERE id = ?");{{$}}
// CHECK-FIXES-NEXT: {{^}}  query.addBindValue(event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  query.exec();{{$}}
