// QStringLiteral(...): in Qt 5 an immediately called lambda that keeps the
// UTF-16 literal in static data; its text is the literal's. The case runs in
// autocommit, and the literal is spelled inside a macro: no fix-it.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// The Qt-recommended spelling of literals, in autocommit.
bool book_ticket(QSqlDatabase &db, int event_id) {
  QSqlQuery query(db);
  query.prepare(QStringLiteral("SELECT available_seats FROM events WHERE id = :id"));
  query.bindValue(QStringLiteral(":id"), event_id);
  if (!query.exec() || !query.next() || query.value(0).toInt() <= 0)
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
    return false;
  QSqlQuery update(db);
  update.prepare(QStringLiteral("UPDATE events SET available_seats = available_seats - 1 WHERE id = :id"));
  update.bindValue(QStringLiteral(":id"), event_id);
  return update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'events' is updated here
}
