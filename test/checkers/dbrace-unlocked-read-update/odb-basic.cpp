// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/odb

#include <odb/core.hxx>
#include <odb/database.hxx>
#include <odb/transaction.hxx>
#include <memory>
#include <stdexcept>
#include <string>

#pragma db object
class Event {
public:
  unsigned long long id() const { return id_; }
  int available_seats() const { return available_seats_; }
  void take_seat() { --available_seats_; }
  void set_featured(bool f) { featured_ = f; }

private:
  friend class odb::access;
  #pragma db id auto
  unsigned long long id_ = 0;
  int available_seats_ = 0;
  bool featured_ = false;
};

#pragma db object
class Wallet {
public:
  long balance() const { return balance_; }
  void set_balance(long b) { balance_ = b; }

private:
  friend class odb::access;
  #pragma db id
  unsigned long long id_ = 0;
  long balance_ = 0;
};

#pragma db object
class SoldOutNotice {
public:
  explicit SoldOutNotice(unsigned long long event) : event_(event) {}

private:
  friend class odb::access;
  SoldOutNotice() {}
  #pragma db id auto
  unsigned long long id_ = 0;
  unsigned long long event_ = 0;
};

// Check-then-decrement: ODB runs everything in a transaction, but load()
// takes no lock, so two requests both see the last seat.
void book_seat(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.load<Event>(event_id));
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'Event' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (e->available_seats() > 0) {
    e->take_seat();
    db.update(*e);
  }
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: 'Event' is updated here
  // CHECK-NOTES: :[[@LINE-9]]:20: note: the transaction begins here
  t.commit();
}

// Read-modify-write of a wallet: the new balance is computed in C++.
void pay(odb::database &db, unsigned long long wallet_id, long amount) {
  odb::transaction t(db.begin());
  Wallet *w = db.find<Wallet>(wallet_id);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'Wallet' is read without a lock
  if (w == nullptr)
    throw std::runtime_error("no wallet");
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  w->set_balance(w->balance() - amount);
  db.update(w);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Wallet' is updated here
  // CHECK-NOTES: :[[@LINE-9]]:20: note: the transaction begins here
  t.commit();
  delete w;
}

// A query over a range, the row erased when it is the last seat.
void close_if_empty(odb::database &db) {
  odb::transaction t(db.begin());
  for (Event &e : db.query<Event>(odb::query<Event>("available_seats = 0"))) {
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'Event' is read without a lock
    if (e.available_seats() == 0)
      db.erase(e);
    // CHECK-NOTES: :[[@LINE-2]]:9: note: the value read is checked here
    // CHECK-NOTES: :[[@LINE-2]]:7: note: 'Event' is deleted from here
    // CHECK-NOTES: :[[@LINE-7]]:20: note: the transaction begins here
  }
  t.commit();
}

// ---- Not flagged ----

// The atomic conditional update in native SQL, its affected rows checked.
bool book_atomic(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  unsigned long long n = db.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id) + " AND available_seats > 0");
  t.commit();
  return n == 1;
}

// A read whose value is only shown.
int show_seats(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.load<Event>(event_id));
  int seats = e->available_seats();
  t.commit();
  return seats;
}

// A read of one class deciding a write of an unrelated one.
void log_if_sold_out(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.load<Event>(event_id));
  if (e->available_seats() == 0) {
    SoldOutNotice notice(event_id);
    db.persist(notice);
  }
  t.commit();
}

// A new row computed from a read is not a lost update.
void copy_event(odb::database &db, unsigned long long event_id) {
  odb::transaction t(db.begin());
  std::unique_ptr<Event> e(db.load<Event>(event_id));
  Event copy = *e;
  db.persist(copy);
  t.commit();
}

#pragma db object optimistic
class Account {
public:
  long credits() const { return credits_; }
  void set_credits(long c) { credits_ = c; }

private:
  friend class odb::access;
  #pragma db id
  unsigned long long id_ = 0;
  #pragma db version
  unsigned long version_ = 0;
  long credits_ = 0;
};

// Not flagged: Account is optimistic, so update() of a stale object throws
// odb::object_changed.
void spend_optimistic(odb::database &db, unsigned long long account_id, long amount) {
  odb::transaction t(db.begin());
  std::unique_ptr<Account> a(db.load<Account>(account_id));
  if (a->credits() >= amount) {
    a->set_credits(a->credits() - amount);
    db.update(*a);
  }
  t.commit();
}

// load(id, object) fills the object it is given.
void top_up_wallet(odb::database &db, unsigned long long wallet_id, long floor) {
  odb::transaction t(db.begin());
  Wallet w;
  db.load(wallet_id, w);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Wallet' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (w.balance() < floor) {
    w.set_balance(floor);
    db.update(w);
  }
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: 'Wallet' is updated here
  // CHECK-NOTES: :[[@LINE-10]]:20: note: the transaction begins here
  t.commit();
}
