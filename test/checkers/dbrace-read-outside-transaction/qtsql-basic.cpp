// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// The check runs before QSqlDatabase::transaction().
bool book_seat(QSqlDatabase &db, int event_id) {
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = :id");
  query.bindValue(":id", event_id);
  if (!query.exec() || !query.next() || query.value(0).toInt() <= 0)
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
    return false;
  db.transaction();
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = :id");
  update.bindValue(":id", event_id);
  update.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-11]]:8: note: begin the transaction before the read: move 'db.transaction();' above it
  return db.commit();
}

// ---- Not flagged ----

// The read inside the transaction, locked.
bool book_seat_fixed(QSqlDatabase &db, int event_id) {
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
