// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/wt

#include <Wt/Dbo/Dbo.h>
#include <stdexcept>
#include <string>

namespace dbo = Wt::Dbo;

class Event {
public:
  std::string name;
  int availableSeats = 0;

  template <class Action> void persist(Action &a) {
    dbo::field(a, name, "name");
    dbo::field(a, availableSeats, "available_seats");
  }
};

// Check-then-decrement in raw SQL: the transaction alone does not stop two
// requests from reading the same last seat.
void book_seat(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ?").bind(eventId);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (seats > 0)
    session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:20: note: the transaction begins here
}
// CHECK-FIXES: int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ? FOR UPDATE").bind(eventId);

// A wallet debited after a balance check, in raw SQL.
void pay(dbo::Session &session, long long walletId, double amount) {
  dbo::Transaction t(session);
  double balance = session.query<double>("SELECT balance FROM wallets WHERE id = ?").bind(walletId).resultValue();
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'wallets' is read without a lock
  if (balance < amount)
    throw std::runtime_error("insufficient funds");
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  session.execute("UPDATE wallets SET balance = balance - ? WHERE id = ?").bind(amount).bind(walletId);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:20: note: the transaction begins here
}
// CHECK-FIXES: double balance = session.query<double>("SELECT balance FROM wallets WHERE id = ? FOR UPDATE").bind(walletId).resultValue();

// The same shape with an explicit commit() before the destructor.
void restock(dbo::Session &session, long long productId) {
  dbo::Transaction t(session);
  int stock = session.query<int>("SELECT stock FROM products WHERE id = ?").bind(productId);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'products' is read without a lock
  if (stock < 5)
    session.execute("UPDATE products SET stock = stock + 100 WHERE id = ?").bind(productId);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:20: note: the transaction begins here
  t.commit();
}
// CHECK-FIXES: int stock = session.query<int>("SELECT stock FROM products WHERE id = ? FOR UPDATE").bind(productId);

// ---- Not flagged ----

// The locked read in the transaction that writes.
void book_locked(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ? FOR UPDATE").bind(eventId);
  if (seats > 0)
    session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
}

// The ORM way: modify() writes through the version column, so a concurrent
// change makes the flush throw StaleObjectException instead of losing it.
void book_versioned(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  dbo::ptr<Event> event = session.load<Event>(eventId);
  if (event->availableSeats > 0)
    event.modify()->availableSeats--;
}

// A read whose value is only shown.
int show_seats(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ?").bind(eventId);
  session.execute("UPDATE events SET views = views + 1 WHERE id = ?").bind(eventId);
  return seats;
}

// A read of one table deciding a write of an unrelated one.
void log_if_sold_out(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  int seats = session.query<int>("SELECT available_seats FROM events WHERE id = ?").bind(eventId);
  if (seats == 0)
    session.execute("UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1");
}
