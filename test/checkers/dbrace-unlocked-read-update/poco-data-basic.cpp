// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <stdexcept>
#include <string>

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using Poco::Data::Statement;

// Check-then-decrement in a RAII transaction without a lock: `into(seats)`
// receives the value when `now` runs the statement.
void book_seat(Session &session, int event_id) {
  Poco::Data::Transaction tx(session);
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (seats > 0)
    session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:27: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: session << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;

// A wallet debited in a transaction begun on the session; the balance is
// checked in C++ before the debit.
void pay(Session &session, int wallet, int amount) {
  session.begin();
  int balance = 0;
  session << "SELECT balance FROM wallets WHERE id = ?", into(balance), use(wallet), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone
  if (balance < amount) {
    session.rollback();
    throw std::runtime_error("insufficient funds");
  }
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  session << "UPDATE wallets SET balance = balance - ? WHERE id = ?", use(amount), use(wallet), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:3: note: the transaction begins here
  session.commit();
}
// CHECK-FIXES: session << "SELECT balance FROM wallets WHERE id = ? FOR UPDATE", into(balance), use(wallet), now;

// RecordSet(session, query) runs the query in its constructor.
void restock(Session &session, int product) {
  Poco::Data::Transaction tx(session);
  Poco::Data::RecordSet rs(session, "SELECT stock FROM products WHERE id = " + std::to_string(product));
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: 'products' is read without a lock
  if (rs.value<int>(0, 0) < 5)
    session << "UPDATE products SET stock = stock + 100 WHERE id = ?", use(product), now;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:27: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: Poco::Data::RecordSet rs(session, "SELECT stock FROM products WHERE id = " + std::to_string(product) + " FOR UPDATE");

// No transaction at all: every statement commits on its own, so a lock would
// end with the SELECT. The fix-it opens a Poco::Data::Transaction above the
// read, commits it on each normal exit, and locks the read.
void redeem_coupon(Session &session, const std::string &code) {
  bool used = true;
  session << "SELECT used FROM coupons WHERE code = ?", into(used), bind(code), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'coupons' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (used)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  session << "UPDATE coupons SET used = 1 WHERE code = ?", bind(code), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'coupons' is updated here
}
// CHECK-FIXES: {{^}}  bool used = true;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Poco::Data::Transaction tx(session);{{$}}
// CHECK-FIXES-NEXT: {{^}}  session << "SELECT used FROM coupons WHERE code = ? FOR UPDATE", into(used), bind(code), now;{{$}}
// CHECK-FIXES: {{^}}    { tx.commit(); return; }{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// ---- Not flagged ----

// The locked read in the transaction that writes.
void book_locked(Session &session, int event_id) {
  Poco::Data::Transaction tx(session);
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;
  if (seats > 0)
    session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  tx.commit();
}

// The atomic conditional update; Statement::execute() returns the rows
// affected, and the caller looks at them.
bool book_atomic(Session &session, int event_id) {
  Statement update(session);
  update << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0", use(event_id);
  return update.execute() == 1;
}

// A read before the same atomic update: the write checks for itself.
bool book_checked_twice(Session &session, int event_id) {
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  if (seats <= 0)
    return false;
  Statement update(session);
  update << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0", use(event_id);
  return update.execute() == 1;
}

// A read whose value guards nothing, and a write of another column.
int show_seats(Session &session, int event_id) {
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  session << "UPDATE events SET views = views + 1 WHERE id = ?", use(event_id), now;
  return seats;
}

// A read of one table deciding a write of an unrelated one.
void log_if_sold_out(Session &session, int event_id) {
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  if (seats == 0)
    session << "UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1", now;
}
