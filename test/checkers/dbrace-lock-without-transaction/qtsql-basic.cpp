// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// FOR UPDATE with no QSqlDatabase::transaction(): Qt runs in autocommit.
bool book(QSqlDatabase &db) {
  QSqlQuery query("SELECT available_seats FROM events WHERE id = 7 FOR UPDATE", db);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  if (!query.next() || query.value(0).toInt() <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  db.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// The fix-it begins a transaction on the connection and commits it on each
// normal exit.
// CHECK-FIXES: {{^}}bool book(QSqlDatabase &db) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  db.transaction();{{$}}
// CHECK-FIXES-NEXT: {{^}}  QSqlQuery query("SELECT available_seats FROM events WHERE id = 7 FOR UPDATE", db);{{$}}
// CHECK-FIXES: {{^}}    { db.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  db.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// ---- Not flagged ----

// The same between transaction() and commit().
bool book_in_transaction(QSqlDatabase &db) {
  db.transaction();
  QSqlQuery query("SELECT available_seats FROM events WHERE id = 7 FOR UPDATE", db);
  if (!query.next() || query.value(0).toInt() <= 0) {
    db.rollback();
    return false;
  }
  db.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");
  return db.commit();
}
