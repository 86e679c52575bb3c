// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

// A tool that books tickets in a local SQLite file and in the PostgreSQL
// server, on two sessions opened in main(). Each statement's SQL is read,
// and its fix-it written, in the dialect of the session it runs on, followed
// back through the references the calls in this file pass: FOR UPDATE on
// the server; no lock clause on the SQLite file, whose BEGIN becomes BEGIN
// IMMEDIATE where the code writes it.

void book_local(soci::session &local, int event_id) {
  local << "BEGIN";
  int seats = 0;
  local << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  if (seats > 0)
    local << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  local << "COMMIT";
}
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-10]]:3: note: the transaction begins here
// CHECK-FIXES: {{^}}  local << "BEGIN IMMEDIATE";{{$}}
// CHECK-FIXES: {{^}}  local << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);{{$}}

// A transaction object on the SQLite session: it begins deferred and takes
// no mode here, so there is no fix-it; the warning stands.
void redeem_local(soci::session &local, int coupon) {
  soci::transaction tr(local);
  int used = 0;
  local << "SELECT used FROM coupons WHERE id = :id", soci::into(used), soci::use(coupon);
  if (!used)
    local << "UPDATE coupons SET used = 1 WHERE id = :id", soci::use(coupon);
  tr.commit();
}
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'coupons' is updated here
// CHECK-NOTES: :[[@LINE-10]]:21: note: the transaction begins here
// CHECK-FIXES: {{^}}  local << "SELECT used FROM coupons WHERE id = :id", soci::into(used), soci::use(coupon);{{$}}

void book_server(soci::session &server, int event_id) {
  soci::transaction tr(server);
  int seats = 0;
  server << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  if (seats > 0)
    server << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  tr.commit();
}
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-10]]:21: note: the transaction begins here
// CHECK-FIXES: {{^}}  server << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);{{$}}

// A statement kept in a member, prepared on the session the constructor is
// given: the server, where main() makes a Stock.
class Stock {
public:
  explicit Stock(soci::session &sql)
      : sql_(sql),
        select_((sql.prepare << "SELECT quantity FROM stock WHERE sku = :sku", soci::into(qty_), soci::use(sku_))),
        update_((sql.prepare << "UPDATE stock SET quantity = :q WHERE sku = :sku", soci::use(qty_), soci::use(sku_))) {}

  bool take(int sku, int n) {
    soci::transaction tr(sql_);
    sku_ = sku;
    select_.execute(true);
    if (qty_ < n)
      return false;
    qty_ -= n;
    update_.execute(true);
    tr.commit();
    return true;
  }

private:
  soci::session &sql_;
  int qty_ = 0;
  int sku_ = 0;
  soci::statement select_;
  soci::statement update_;
};
// CHECK-NOTES: :[[@LINE-16]]:5: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
// CHECK-NOTES: :[[@LINE-16]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-14]]:5: note: 'stock' is updated here
// CHECK-NOTES: :[[@LINE-21]]:23: note: the transaction begins here
// CHECK-FIXES: {{^}}        select_((sql.prepare << "SELECT quantity FROM stock WHERE sku = :sku FOR UPDATE", soci::into(qty_), soci::use(sku_))),{{$}}

// Not flagged: each read takes its own session's lock.
void book_local_locked(soci::session &local, int event_id) {
  local << "BEGIN IMMEDIATE";
  int seats = 0;
  local << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  if (seats > 0)
    local << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  local << "COMMIT";
}

void book_server_locked(soci::session &server, int event_id) {
  soci::transaction tr(server);
  int seats = 0;
  server << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);
  if (seats > 0)
    server << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  tr.commit();
}

int main() {
  soci::session local(soci::sqlite3, "tickets.db");
  soci::session server;
  server.open("postgresql", "dbname=shop");
  book_local(local, 1);
  redeem_local(local, 2);
  book_server(server, 3);
  Stock stock(server);
  stock.take(4, 1);
  book_local_locked(local, 5);
  book_server_locked(server, 6);
  return 0;
}
