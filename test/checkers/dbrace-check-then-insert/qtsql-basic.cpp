// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// "Not in the waiting list yet, so add": no row lock covers the new row.
bool join_waitlist(QSqlDatabase &db, int user_id, int event_id) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT 1 FROM waitlist WHERE user_id = :user AND event_id = :event");
  query.bindValue(":user", user_id);
  query.bindValue(":event", event_id);
  query.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: check of 'waitlist' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  if (query.next()) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: the value read is checked here
    db.rollback();
    return false;
  }
  QSqlQuery insert(db);
  insert.prepare("INSERT INTO waitlist(user_id, event_id) VALUES (:user, :event)");
  insert.bindValue(":user", user_id);
  insert.bindValue(":event", event_id);
  insert.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'waitlist' is inserted into here
  // CHECK-NOTES: :[[@LINE-18]]:3: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
  return db.commit();
}

// ---- Not flagged ----

// The unique constraint decides, its affected rows checked.
bool join_waitlist_upsert(QSqlDatabase &db, int user_id, int event_id) {
  QSqlQuery insert(db);
  insert.prepare("INSERT INTO waitlist(user_id, event_id) VALUES (:user, :event) ON CONFLICT DO NOTHING");
  insert.bindValue(":user", user_id);
  insert.bindValue(":event", event_id);
  return insert.exec() && insert.numRowsAffected() == 1;
}
