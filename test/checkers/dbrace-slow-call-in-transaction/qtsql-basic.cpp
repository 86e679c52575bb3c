// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- -- -isystem %inputs/qt -isystem %inputs/slow
// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t.real -- -- -isystem %inputs/slow -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

// Qt SQL: QSqlDatabase::transaction() begins, commit() or rollback() ends;
// a locking read or a write holds its row locks until then.

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <curl/curl.h>
#include <unistd.h>

// The payment provider is called while the wallet row is locked.
void charge(QSqlDatabase &db, CURL *http) {
  db.transaction();
  QSqlQuery q(QString("SELECT balance FROM wallets WHERE id = 3 FOR UPDATE"), db);
  curl_easy_perform(http);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'curl_easy_perform' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-3]]:13: note: the lock is taken here
  db.exec("UPDATE wallets SET balance = balance - 1 WHERE id = 3");
  db.commit();
}

// A write's row lock lasts until the commit too.
void notify_late(QSqlDatabase &db) {
  db.transaction();
  QSqlQuery q(db);
  q.exec(QLatin1String("UPDATE orders SET state = 'paid' WHERE id = 9"));
  usleep(200000);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'usleep' while a lock is held
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here
  db.commit();
}

// ---- Not flagged ----

// The slow call after the commit: the fixed shape.
void charge_then_call(QSqlDatabase &db, CURL *http) {
  db.transaction();
  QSqlQuery q(QString("SELECT balance FROM wallets WHERE id = 3 FOR UPDATE"), db);
  db.exec("UPDATE wallets SET balance = balance - 1 WHERE id = 3");
  db.commit();
  curl_easy_perform(http);
}

// A plain read in a transaction locks nothing.
void poll(QSqlDatabase &db) {
  db.transaction();
  QSqlQuery q(QString("SELECT count(*) FROM jobs"), db);
  sleep(1);
  db.commit();
}

// After a rollback no lock is held.
void give_up(QSqlDatabase &db) {
  db.transaction();
  db.exec("UPDATE orders SET state = 'paid' WHERE id = 9");
  db.rollback();
  sleep(1);
}
