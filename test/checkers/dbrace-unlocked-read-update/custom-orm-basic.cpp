// A user's own repository layer (examples/custom-orm), described to dbrace
// only by the rules file next to it.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%S/../../../examples/custom-orm/orm.yaml'}}" -- -I %S/../../../examples/custom-orm

#include "orm/orm.h"

#include <stdexcept>
#include <string>

struct Event : orm::Model<Event> {
  int id = 0;
  int available_seats = 0;
  int views = 0;
};

struct Wallet : orm::Model<Wallet> {
  int id = 0;
  int balance = 0;
};

struct AuditEntry : orm::Model<AuditEntry> {
  int id = 0;
  int event_id = 0;
};

// 1. No transaction: read, check, save, each statement on its own.
bool book_no_transaction(int event_id) {
  Event e = Event::objects().get(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Event' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (e.available_seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  e.available_seats -= 1;
  e.save();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Event' is updated here
  return true;
}

// 2. A transaction without a lock.
bool book_unlocked(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().get(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Event' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (e.available_seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  e.available_seats -= 1;
  e.save();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Event' is updated here
  // CHECK-NOTES: :[[@LINE-9]]:28: note: the transaction begins here
  return true;
}

// Read-modify-write: the new balance is computed in C++ (a lost update).
void pay(orm::Database &db, int wallet_id, int amount) {
  orm::transaction::atomic guard(db);
  Wallet w = Wallet::objects().get(wallet_id);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'Wallet' is read without a lock and then written based on the value; the transaction alone
  w.balance -= amount;
  w.save();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'Wallet' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:28: note: the transaction begins here
}

// An exception as the early exit; remove() is the write.
void close_if_empty(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().get(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Event' is read without a lock
  if (e.available_seats != 0)
    throw std::runtime_error("seats left");
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  e.remove();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Event' is deleted from here
  // CHECK-NOTES: :[[@LINE-8]]:28: note: the transaction begins here
}

// ---- Not flagged ----

// The fix of 1 and 2: the locked read in the transaction that writes.
bool book(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().select_for_update().get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  return true;
}

// SERIALIZABLE: the database fails one of two conflicting transactions.
bool book_serializable(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db, orm::Isolation::serializable);
  Event e = Event::objects().get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  return true;
}

// The locking read in a helper; the caller holds the transaction.
static Event locked_event(int event_id) {
  return Event::objects().select_for_update().get(event_id);
}

bool book_through_helper(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = locked_event(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  return true;
}

// A read of one model deciding a write of another.
void audit_if_sold_out(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().get(event_id);
  if (e.available_seats == 0) {
    AuditEntry entry;
    entry.event_id = event_id;
    AuditEntry::objects().create(entry);
  }
}

// A read whose value decides nothing that is written.
int show_seats(int event_id) {
  Event e = Event::objects().get(event_id);
  return e.available_seats;
}
