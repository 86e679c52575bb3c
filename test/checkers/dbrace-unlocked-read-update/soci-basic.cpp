// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <soci/soci.h>
#include <stdexcept>
#include <string>

// The booking in autocommit: `sql << ..., into(seats)` runs at the end of
// the statement and fills `seats`. The fix-it opens a transaction on the
// session, locks the read and commits on each normal exit.
bool book_ticket(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  soci::transaction tx(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);{{$}}
// CHECK-FIXES: {{^}}    { tx.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// Read-modify-write in autocommit: the new balance is computed in C++ and
// bound with use(), so the write consumes the read (a lost update).
void pay(soci::session &sql, int wallet, int amount) {
  int balance = 0;
  sql << "SELECT balance FROM wallets WHERE id = 12", soci::into(balance);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  sql << "UPDATE wallets SET balance = :b WHERE id = 12", soci::use(balance - amount);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
}
// CHECK-FIXES: {{^}}  soci::transaction tx(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT balance FROM wallets WHERE id = 12 FOR UPDATE", soci::into(balance);{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// A soci::transaction without a lock: two requests both see the last
// invoice number below the limit. The fix-it locks the counter row.
int next_invoice(soci::session &sql) {
  soci::transaction tr(sql);
  int last = 0;
  sql << "SELECT value FROM counters WHERE name = 'invoice'", soci::into(last);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'counters' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (last >= 999999)
    throw std::runtime_error("invoice numbers exhausted");
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE counters SET value = value + 1 WHERE name = 'invoice'";
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'counters' is updated here
  // CHECK-NOTES: :[[@LINE-9]]:21: note: the transaction begins here
  tr.commit();
  return last + 1;
}
// CHECK-FIXES: sql << "SELECT value FROM counters WHERE name = 'invoice' FOR UPDATE", soci::into(last);

// session::begin()/commit() and the `once` member spelled out.
void close_if_full(soci::session &sql) {
  sql.begin();
  int free_places = 0;
  sql.once << "SELECT free_places FROM courses WHERE code = 'CS101'", soci::into(free_places);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'courses' is read without a lock
  if (free_places == 0)
    sql << "UPDATE courses SET open = false WHERE code = 'CS101'";
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'courses' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:3: note: the transaction begins here
  sql.commit();
}
// CHECK-FIXES: sql.once << "SELECT free_places FROM courses WHERE code = 'CS101' FOR UPDATE", soci::into(free_places);

// The key streamed into the query: the SQL is only known in part, so the
// read is flagged without a fix-it (the clause would land before the key).
void restock(soci::session &sql, int product) {
  soci::transaction tr(sql);
  int stock = 0;
  sql << "SELECT stock FROM products WHERE id = " << product, soci::into(stock);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'products' is read without a lock
  if (stock < 5)
    sql << "UPDATE products SET stock = stock + 100 WHERE id = " << product;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:21: note: the transaction begins here
  tr.commit();
}

// ---- Not flagged ----

// The locked read in the transaction.
bool book_locked(soci::session &sql, int event_id) {
  soci::transaction tr(sql);
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);
  if (seats <= 0)
    return false;
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  tr.commit();
  return true;
}

// The atomic conditional update, its affected rows checked, with no read.
bool book_atomic(soci::session &sql, int event_id) {
  soci::statement st = (sql.prepare << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id AND available_seats > 0", soci::use(event_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

// A read whose value guards nothing: it is only shown.
int show_seats(soci::session &sql, int event_id) {
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  sql << "UPDATE events SET views = views + 1 WHERE id = :id", soci::use(event_id);
  return seats;
}

// A read of one table guarding a write of an unrelated one.
void log_if_sold_out(soci::session &sql, int event_id) {
  soci::transaction tr(sql);
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  if (seats == 0)
    sql << "UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1";
  tr.commit();
}

// Different rows of the same table.
void feature_other(soci::session &sql) {
  soci::transaction tr(sql);
  double price = 0;
  sql << "SELECT price FROM products WHERE id = 1", soci::into(price);
  if (price > 0)
    sql << "UPDATE products SET featured = true WHERE id = 2";
  tr.commit();
}

// SERIALIZABLE, set in SQL text: the database aborts one of two conflicting
// transactions.
void next_invoice_serializable(soci::session &sql) {
  soci::transaction tr(sql);
  sql << "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE";
  int last = 0;
  sql << "SELECT value FROM counters WHERE name = 'invoice'", soci::into(last);
  if (last < 999999)
    sql << "UPDATE counters SET value = value + 1 WHERE name = 'invoice'";
  tr.commit();
}
