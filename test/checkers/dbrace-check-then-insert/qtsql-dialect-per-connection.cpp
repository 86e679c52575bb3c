// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// The PostgreSQL server is the default connection; a local SQLite cache is
// registered as "cache". What the notes advise, and the fix-it, follow the
// connection each check and insert run on.
void open_connections() {
  QSqlDatabase::addDatabase("QPSQL").open();
  QSqlDatabase::addDatabase("QSQLITE", "cache").open();
}

// On the server: a unique constraint with ON CONFLICT, or a parent-row lock.
void register_user(const QString &email) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  QSqlQuery check(db);
  check.prepare("SELECT count(*) FROM users WHERE email = ?");
  check.addBindValue(email);
  check.exec();
  if (check.next() && check.value(0).toInt() == 0) {
    QSqlQuery insert(db);
    insert.prepare("INSERT INTO users (email) VALUES (?)");
    insert.addBindValue(email);
    insert.exec();
  }
  db.commit();
}
// CHECK-NOTES: :[[@LINE-9]]:3: warning: check of 'users' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'users' is inserted into here
// CHECK-NOTES: :[[@LINE-16]]:3: note: the transaction begins here
// CHECK-NOTES: :[[@LINE-8]]:5: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
// CHECK-FIXES: {{^}}  check.prepare("SELECT count(*) FROM users WHERE email = ?");{{$}}

// On the cache: INSERT OR IGNORE, or BEGIN IMMEDIATE, which the fix-it
// writes into the BEGIN the code runs.
void cache_user(const QString &email) {
  QSqlDatabase cache = QSqlDatabase::database("cache");
  QSqlQuery begin(cache);
  begin.exec("BEGIN");
  QSqlQuery check(cache);
  check.prepare("SELECT count(*) FROM users WHERE email = ?");
  check.addBindValue(email);
  check.exec();
  if (check.next() && check.value(0).toInt() == 0) {
    QSqlQuery insert(cache);
    insert.prepare("INSERT INTO users (email) VALUES (?)");
    insert.addBindValue(email);
    insert.exec();
  }
  QSqlQuery commit(cache);
  commit.exec("COMMIT");
}
// CHECK-NOTES: :[[@LINE-10]]:3: warning: check of 'users' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet
// CHECK-NOTES: :[[@LINE-10]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:5: note: 'users' is inserted into here
// CHECK-NOTES: :[[@LINE-17]]:3: note: the transaction begins here
// CHECK-NOTES: :[[@LINE-9]]:5: note: a unique constraint with 'INSERT OR IGNORE' or 'ON CONFLICT DO NOTHING' and a check of the affected rows, or 'BEGIN IMMEDIATE' before the check, makes this safe
// CHECK-FIXES: {{^}}  begin.exec("BEGIN IMMEDIATE");{{$}}

// Not flagged: the cache's transaction takes the write lock at once.
void cache_user_locked(const QString &email) {
  QSqlDatabase cache = QSqlDatabase::database("cache");
  QSqlQuery begin(cache);
  begin.exec("BEGIN IMMEDIATE");
  QSqlQuery check(cache);
  check.prepare("SELECT count(*) FROM users WHERE email = ?");
  check.addBindValue(email);
  check.exec();
  if (check.next() && check.value(0).toInt() == 0) {
    QSqlQuery insert(cache);
    insert.prepare("INSERT INTO users (email) VALUES (?)");
    insert.addBindValue(email);
    insert.exec();
  }
  QSqlQuery commit(cache);
  commit.exec("COMMIT");
}
