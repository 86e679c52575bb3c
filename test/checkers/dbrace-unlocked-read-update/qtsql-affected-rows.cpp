// A conditional UPDATE whose row count is read through the library's
// affected-rows accessor (an `affected_rows` rule) checks for itself.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// A read that guards the same conditional update: exec(QString) discarded,
// numRowsAffected() checked.
bool book_checked_rows(QSqlDatabase &db) {
  QSqlQuery query("SELECT available_seats FROM events WHERE id = 7", db);
  if (!query.next() || query.value(0).toInt() <= 0)
    return false;
  QSqlQuery update(db);
  update.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = 7 AND available_seats > 0");
  return update.numRowsAffected() == 1;
}

// The same update with numRowsAffected() ignored: the check above it decides.
bool book_unchecked_rows(QSqlDatabase &db) {
  QSqlQuery query("SELECT available_seats FROM events WHERE id = 7", db);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (!query.next() || query.value(0).toInt() <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  QSqlQuery update(db);
  update.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = 7 AND available_seats > 0");
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}bool book_unchecked_rows(QSqlDatabase &db) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  db.transaction();{{$}}
// CHECK-FIXES-NEXT: {{^}}  QSqlQuery query("SELECT available_seats FROM events WHERE id = 7 FOR UPDATE", db);{{$}}
// CHECK-FIXES: {{^}}    { db.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  db.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}
