// Values bound with use() are the write's inputs; the isolation set on
// the session (a `set_isolation` rule) holds for the transactions begun later.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

// Read-modify-write: the new balance is computed in C++ and bound with use().
void pay(Session &session, int wallet, int amount) {
  Poco::Data::Transaction tx(session);
  int balance = 0;
  session << "SELECT balance FROM wallets WHERE id = ?", into(balance), use(wallet), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone
  int next = balance - amount;
  session << "UPDATE wallets SET balance = ? WHERE id = ?", use(next), use(wallet), now;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:27: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: session << "SELECT balance FROM wallets WHERE id = ? FOR UPDATE", into(balance), use(wallet), now;

// Not flagged: SERIALIZABLE, set on the session before the transaction.
void book_serializable(Session &session, int event_id) {
  session.setTransactionIsolation(Session::TRANSACTION_SERIALIZABLE);
  Poco::Data::Transaction tx(session);
  int seats = 0;
  session << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  if (seats > 0)
    session << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
  tx.commit();
}
