// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/qt
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

// Two connections in one file: the shop's PostgreSQL server as the default
// connection, and a local SQLite cache named "cache". Each statement's SQL
// is read, and its fix-it written, in the dialect of the connection it runs
// on: FOR UPDATE on the server; on the cache, which has no FOR UPDATE, the
// transaction's BEGIN becomes BEGIN IMMEDIATE where the code writes it.
void open_connections() {
  QSqlDatabase server = QSqlDatabase::addDatabase("QPSQL");
  server.setDatabaseName("shop");
  server.open();
  QSqlDatabase cache = QSqlDatabase::addDatabase("QSQLITE", "cache");
  cache.setDatabaseName("cache.db");
  cache.open();
}

// The default connection, looked up without a name: PostgreSQL.
bool book_ticket(int event_id) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = ?");
  query.addBindValue(event_id);
  if (!query.exec() || !query.next() || query.value(0).toInt() <= 0)
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.addBindValue(event_id);
  update.exec();
  return db.commit();
}
// CHECK-NOTES: :[[@LINE-8]]:8: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  query.prepare("SELECT available_seats FROM events WHERE id = ? FOR UPDATE");{{$}}

// The cache, looked up by its name: SQLite. No lock clause goes into its
// SQL; the transaction it begins in SQL text is made to take the write lock
// at once.
bool take_slot(int slot) {
  QSqlDatabase cache = QSqlDatabase::database("cache");
  QSqlQuery begin(cache);
  begin.exec("BEGIN");
  QSqlQuery query(cache);
  query.prepare("SELECT free FROM slots WHERE id = ?");
  query.addBindValue(slot);
  if (!query.exec() || !query.next() || query.value(0).toInt() <= 0)
    return false;
  QSqlQuery update(cache);
  update.prepare("UPDATE slots SET free = free - 1 WHERE id = ?");
  update.addBindValue(slot);
  update.exec();
  QSqlQuery commit(cache);
  return commit.exec("COMMIT");
}
// CHECK-NOTES: :[[@LINE-9]]:8: warning: 'slots' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-10]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:3: note: 'slots' is updated here
// CHECK-NOTES: :[[@LINE-16]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  begin.exec("BEGIN IMMEDIATE");{{$}}
// CHECK-FIXES: {{^}}  query.prepare("SELECT free FROM slots WHERE id = ?");{{$}}

// A query made without a connection runs on the default one: PostgreSQL.
void pay(int amount) {
  QSqlDatabase::database().transaction();
  QSqlQuery query("SELECT balance FROM wallets WHERE id = 3");
  query.next();
  int balance = query.value(0).toInt();
  QSqlQuery update;
  update.prepare("UPDATE wallets SET balance = ? WHERE id = 3");
  update.addBindValue(balance - amount);
  update.exec();
  QSqlDatabase::database().commit();
}
// CHECK-NOTES: :[[@LINE-9]]:13: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-4]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'wallets' is updated here
// CHECK-NOTES: :[[@LINE-13]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  QSqlQuery query("SELECT balance FROM wallets WHERE id = 3 FOR UPDATE");{{$}}

// A parameter is followed to what the calls in this file pass it: the
// cache, begun with the connection's transaction(), which Qt begins
// deferred. No lock clause, and no fix-it: the warning stands.
bool redeem(QSqlDatabase db, int coupon) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT used FROM coupons WHERE id = ?");
  query.addBindValue(coupon);
  if (!query.exec() || !query.next() || query.value(0).toBool())
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE coupons SET used = 1 WHERE id = ?");
  update.addBindValue(coupon);
  update.exec();
  return db.commit();
}
// CHECK-NOTES: :[[@LINE-8]]:8: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'coupons' is updated here
// CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  query.prepare("SELECT used FROM coupons WHERE id = ?");{{$}}

bool redeem_cached(int coupon) {
  return redeem(QSqlDatabase::database("cache"), coupon);
}

// A member set in the constructor: the server.
class Stock {
public:
  Stock() : db_(QSqlDatabase::database()) {}
  void take(int item) {
    db_.transaction();
    QSqlQuery query(db_);
    query.prepare("SELECT quantity FROM stock WHERE id = ?");
    query.addBindValue(item);
    query.exec();
    if (query.next() && query.value(0).toInt() > 0) {
      QSqlQuery update(db_);
      update.prepare("UPDATE stock SET quantity = quantity - 1 WHERE id = ?");
      update.addBindValue(item);
      update.exec();
    }
    db_.commit();
  }
  // CHECK-NOTES: :[[@LINE-9]]:5: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
  // CHECK-NOTES: :[[@LINE-9]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-6]]:7: note: 'stock' is updated here
  // CHECK-NOTES: :[[@LINE-16]]:5: note: the transaction begins here
  // CHECK-FIXES: {{^}}    query.prepare("SELECT quantity FROM stock WHERE id = ? FOR UPDATE");{{$}}

private:
  QSqlDatabase db_;
};

// Not flagged: each read takes its own connection's lock.
bool book_locked(int event_id) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT available_seats FROM events WHERE id = ? FOR UPDATE");
  query.addBindValue(event_id);
  if (!query.exec() || !query.next() || query.value(0).toInt() <= 0)
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
  update.addBindValue(event_id);
  update.exec();
  return db.commit();
}

bool take_slot_locked(int slot) {
  QSqlDatabase cache = QSqlDatabase::database("cache");
  QSqlQuery begin(cache);
  begin.exec("BEGIN IMMEDIATE");
  QSqlQuery query(cache);
  query.prepare("SELECT free FROM slots WHERE id = ?");
  query.addBindValue(slot);
  if (!query.exec() || !query.next() || query.value(0).toInt() <= 0)
    return false;
  QSqlQuery update(cache);
  update.prepare("UPDATE slots SET free = free - 1 WHERE id = ?");
  update.addBindValue(slot);
  update.exec();
  QSqlQuery commit(cache);
  return commit.exec("COMMIT");
}

// A connection from another file (a parameter no call here passes) is not
// followed: as before, the text is read as the rules' PostgreSQL first.
bool reserve(QSqlDatabase db, int seat) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT taken FROM seats WHERE id = ?");
  query.addBindValue(seat);
  if (!query.exec() || !query.next() || query.value(0).toBool())
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE seats SET taken = 1 WHERE id = ?");
  update.addBindValue(seat);
  update.exec();
  return db.commit();
}
// CHECK-NOTES: :[[@LINE-8]]:8: warning: 'seats' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'seats' is updated here
// CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  query.prepare("SELECT taken FROM seats WHERE id = ? FOR UPDATE");{{$}}

// A parameter the calls here pass both connections: its SQL is read as
// before, but it runs on SQLite too, so no FOR UPDATE is written into it.
bool refund(QSqlDatabase db, int order) {
  db.transaction();
  QSqlQuery query(db);
  query.prepare("SELECT refunded FROM orders WHERE id = ?");
  query.addBindValue(order);
  if (!query.exec() || !query.next() || query.value(0).toBool())
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE orders SET refunded = 1 WHERE id = ?");
  update.addBindValue(order);
  update.exec();
  return db.commit();
}
// CHECK-NOTES: :[[@LINE-8]]:8: warning: 'orders' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'orders' is updated here
// CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  query.prepare("SELECT refunded FROM orders WHERE id = ?");{{$}}

void refund_both(int order) {
  refund(QSqlDatabase::database(), order);
  refund(QSqlDatabase::database("cache"), order);
}

// A variable assigned the cache after its declaration: SQLite.
bool claim(int prize) {
  QSqlDatabase db;
  db = QSqlDatabase::database("cache");
  QSqlQuery begin(db);
  begin.exec("BEGIN");
  QSqlQuery query(db);
  query.prepare("SELECT claimed FROM prizes WHERE id = ?");
  query.addBindValue(prize);
  if (!query.exec() || !query.next() || query.value(0).toBool())
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE prizes SET claimed = 1 WHERE id = ?");
  update.addBindValue(prize);
  update.exec();
  QSqlQuery commit(db);
  return commit.exec("COMMIT");
}
// CHECK-NOTES: :[[@LINE-9]]:8: warning: 'prizes' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-10]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:3: note: 'prizes' is updated here
// CHECK-NOTES: :[[@LINE-16]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  begin.exec("BEGIN IMMEDIATE");{{$}}

// No transaction at all. On the server the fix-it opens one and locks the
// read; on the cache Qt's transaction() would begin deferred and lock
// nothing, so there is no fix-it there.
bool restock(int item) {
  QSqlDatabase db = QSqlDatabase::database();
  QSqlQuery query(db);
  query.prepare("SELECT quantity FROM stock WHERE id = ?");
  query.addBindValue(item);
  query.exec();
  if (!query.next() || query.value(0).toInt() > 10)
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE stock SET quantity = quantity + 10 WHERE id = ?");
  update.addBindValue(item);
  update.exec();
  return true;
}
// CHECK-NOTES: :[[@LINE-9]]:3: warning: 'stock' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'stock' is updated here
// CHECK-FIXES: {{^}}  query.prepare("SELECT quantity FROM stock WHERE id = ? FOR UPDATE");{{$}}
// CHECK-FIXES-NEXT: {{^}}  query.addBindValue(item);{{$}}
// CHECK-FIXES-NEXT: {{^}}  db.transaction();{{$}}
// CHECK-FIXES-NEXT: {{^}}  query.exec();{{$}}
// CHECK-FIXES: {{^}}    { db.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  db.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

bool restock_cache(int item) {
  QSqlDatabase db = QSqlDatabase::database("cache");
  QSqlQuery query(db);
  query.prepare("SELECT quantity FROM stock WHERE id = ?");
  query.addBindValue(item);
  query.exec();
  if (!query.next() || query.value(0).toInt() > 10)
    return false;
  QSqlQuery update(db);
  update.prepare("UPDATE stock SET quantity = quantity + 10 WHERE id = ?");
  update.addBindValue(item);
  update.exec();
  return true;
}
// CHECK-NOTES: :[[@LINE-9]]:3: warning: 'stock' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'stock' is updated here
// CHECK-FIXES: {{^}}  query.prepare("SELECT quantity FROM stock WHERE id = ?");{{$}}
