// Wt::Dbo: a mapped class (`session.mapClass<Event>("events")`, a rule of
// action entity_table) and its table are one entity, so an ORM read and a
// raw SQL write of the table match; and values bound with .bind(v) on the
// Call that Session::execute() returns are the write's inputs.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/wt

#include <Wt/Dbo/Dbo.h>

namespace dbo = Wt::Dbo;

class Event {
public:
  int availableSeats = 0;
  template <class Action> void persist(Action &a) {
    dbo::field(a, availableSeats, "available_seats");
  }
};

class Wallet {
public:
  double balance = 0;
  template <class Action> void persist(Action &a) {
    dbo::field(a, balance, "balance");
  }
};

// The session's set-up maps the classes; the mapping holds in every
// function of the file.
void map_classes(dbo::Session &session) {
  session.mapClass<Wallet>("Wallets");
}

// Read-modify-write in raw SQL, the new balance bound to the UPDATE.
void pay(dbo::Session &session, long long walletId, double amount) {
  dbo::Transaction t(session);
  double balance = session.query<double>("SELECT balance FROM wallets WHERE id = ?").bind(walletId);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone
  session.execute("UPDATE wallets SET balance = ? WHERE id = ?").bind(balance - amount).bind(walletId);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:20: note: the transaction begins here
}
// CHECK-FIXES: double balance = session.query<double>("SELECT balance FROM wallets WHERE id = ? FOR UPDATE").bind(walletId);

// An ORM read deciding a raw SQL write of the class's table: bypasses the
// version column.
void book_mixed(dbo::Session &session, long long eventId) {
  session.mapClass<Event>("events");
  dbo::Transaction t(session);
  dbo::ptr<Event> event = session.load<Event>(eventId);
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: 'events' is read without a lock and then written based on the value; the transaction alone
  if (event->availableSeats > 0)
    session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:20: note: the transaction begins here
}

// An ORM read whose value a raw SQL write of the mapped table consumes; the
// class was mapped in map_classes().
void pay_mixed(dbo::Session &session, long long walletId, double amount) {
  dbo::Transaction t(session);
  dbo::ptr<Wallet> wallet = session.find<Wallet>().where("id = ?").bind(walletId);
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone
  session.execute("UPDATE wallets SET balance = ? WHERE id = ?").bind(wallet->balance - amount).bind(walletId);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:20: note: the transaction begins here
}

// ---- Not flagged ----

// A read of a mapped class deciding a write of another table.
void log_sold_out(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  dbo::ptr<Event> event = session.load<Event>(eventId);
  if (event->availableSeats == 0)
    session.execute("INSERT INTO sold_out_log (event_id) VALUES (?)").bind(eventId);
}

// The row is locked in raw SQL first; the ORM read of the mapped class is
// covered by that lock.
void book_locked_first(dbo::Session &session, long long eventId) {
  dbo::Transaction t(session);
  session.execute("SELECT id FROM events WHERE id = ? FOR UPDATE").bind(eventId);
  dbo::ptr<Event> event = session.load<Event>(eventId);
  if (event->availableSeats > 0)
    session.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?").bind(eventId);
}
