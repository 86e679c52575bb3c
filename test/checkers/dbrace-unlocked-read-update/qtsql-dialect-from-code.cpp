// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// The application says which database it talks to: SQLite. Its SQL is
// then read as SQLite's, back-ticks and all (PostgreSQL's parser refuses
// them, and nothing was reported).
QSqlDatabase open_db() {
  QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE");
  db.setDatabaseName("tickets.db");
  db.open();
  return db;
}

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
// SQLite has no FOR UPDATE: the text is left as it is.
// CHECK-FIXES: query.prepare("SELECT `available_seats` FROM `events` WHERE `id` = ?");
