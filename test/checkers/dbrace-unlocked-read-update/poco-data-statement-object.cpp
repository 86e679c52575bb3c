// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using Poco::Data::Statement;

// `session << ...` without `now` keeps the statement for execute(): the
// read happens there, and into() is filled there.
void top_up(Session &session, int member, int amount) {
  Poco::Data::Transaction tx(session);
  int balance = 0;
  Statement select = (session << "SELECT balance FROM members WHERE id = ?", into(balance), use(member));
  select.execute();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'members' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  balance += amount;
  Statement update = (session << "UPDATE members SET balance = ? WHERE id = ?", use(balance), use(member));
  update.execute();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'members' is updated here
  // CHECK-NOTES: :[[@LINE-10]]:27: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: Statement select = (session << "SELECT balance FROM members WHERE id = ? FOR UPDATE", into(balance), use(member));

// Not flagged: the conditional UPDATE's count, returned by execute(), is
// checked.
bool take_seat(Session &session, int event_id) {
  int seats = 0;
  session << "SELECT seats FROM events WHERE id = ?", into(seats), use(event_id), now;
  if (seats <= 0)
    return false;
  Statement update = (session << "UPDATE events SET seats = seats - 1 WHERE id = ? AND seats > 0", use(event_id));
  return update.execute() == 1;
}

