// Ticket booking with MySQL Connector/C++, autocommit off (a transaction),
// under InnoDB's REPEATABLE READ (the default).
//
// The transaction alone does not help: every client's SELECT reads the
// same consistent snapshot ("3 seats"), and every UPDATE decrements the
// latest value: the event is oversold. dbrace flags the read
// (dbrace-unlocked-read-update) and appends FOR UPDATE to the prepared
// statement's text.

#include "window.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

// Returns 1 when a ticket was booked, 0 when sold out; throws on an error.
int book_ticket(sql::Connection &con, int event_id) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement("SELECT available_seats FROM events WHERE id = ?"));
  select->setInt(1, event_id);
  std::unique_ptr<sql::ResultSet> seats(select->executeQuery());
  if (!seats->next() || seats->getInt(1) <= 0) {
    con.rollback();
    return 0;
  }
  race_window();
  std::unique_ptr<sql::PreparedStatement> update(con.prepareStatement("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?"));
  update->setInt(1, event_id);
  update->executeUpdate();
  std::unique_ptr<sql::PreparedStatement> insert(con.prepareStatement("INSERT INTO bookings(event_id) VALUES (?)"));
  insert->setInt(1, event_id);
  insert->executeUpdate();
  con.commit();
  return 1;
}

// The harness calls this once per client.
int scenario_request(sql::Connection &con, int) { return book_ticket(con, 1); }
