// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionFactory.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using Poco::Data::SessionFactory;

// Two sessions in one file: a local SQLite file, constructed on the "SQLite"
// connector, and the PostgreSQL server, which the factory creates and
// returns. Each statement's SQL is read, and its fix-it written, in the
// dialect of the session it runs on: FOR UPDATE on the server, none on the
// SQLite file (POCO's Transaction begins it deferred, and takes no mode).
class Booking {
public:
  Booking()
      : local_("SQLite", "tickets.db"),
        server_(SessionFactory::instance().create("PostgreSQL", "dbname=shop")) {}

  void book_local(int event_id) {
    Poco::Data::Transaction tx(local_);
    int seats = 0;
    local_ << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
    if (seats > 0)
      local_ << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
    tx.commit();
  }
  // CHECK-NOTES: :[[@LINE-5]]:5: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
  // CHECK-NOTES: :[[@LINE-5]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-5]]:7: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-10]]:29: note: the transaction begins here
  // CHECK-FIXES: {{^}}    local_ << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;{{$}}

  void book_server(int event_id) {
    Poco::Data::Transaction tx(server_);
    int seats = 0;
    server_ << "SELECT available_seats FROM events WHERE id = ?", into(seats), use(event_id), now;
    if (seats > 0)
      server_ << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
    tx.commit();
  }
  // CHECK-NOTES: :[[@LINE-5]]:5: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value
  // CHECK-NOTES: :[[@LINE-5]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-5]]:7: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-10]]:29: note: the transaction begins here
  // CHECK-FIXES: {{^}}    server_ << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;{{$}}

  // Not flagged: the server's read is locked.
  void book_server_locked(int event_id) {
    Poco::Data::Transaction tx(server_);
    int seats = 0;
    server_ << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE", into(seats), use(event_id), now;
    if (seats > 0)
      server_ << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", use(event_id), now;
    tx.commit();
  }

private:
  Session local_;
  Session server_;
};
