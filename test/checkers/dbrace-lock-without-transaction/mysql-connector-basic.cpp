// RUN: %check_dbrace %s dbrace-lock-without-transaction %t -- -- -isystem %inputs/mysqlcppconn
// RUN: %check_dbrace %s dbrace-lock-without-transaction %t.real

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>

// FOR UPDATE with the connection in autocommit (its default): the lock ends
// with the SELECT, before the check.
void book_seat(sql::Connection &con, int event_id) {
  std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement("SELECT available_seats FROM events WHERE id = ? FOR UPDATE"));
  select->setInt(1, event_id);
  std::unique_ptr<sql::ResultSet> res(select->executeQuery());
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'FOR UPDATE' on 'events' runs outside a transaction, so the lock is released as soon as the statement ends [dbrace-lock-without-transaction]
  if (res->next() && res->getInt(1) > 0) {
    std::unique_ptr<sql::PreparedStatement> update(con.prepareStatement("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?"));
    update->setInt(1, event_id);
    update->executeUpdate();
  }
  // CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: 'events' is updated here
}
// The fix-it turns autocommit off before the read, and on each normal exit
// commits and turns it back on.
// CHECK-FIXES: {{^}}  select->setInt(1, event_id);{{$}}
// CHECK-FIXES-NEXT: {{^}}  con.setAutoCommit(false);{{$}}
// CHECK-FIXES-NEXT: {{^}}  std::unique_ptr<sql::ResultSet> res(select->executeQuery());{{$}}
// CHECK-FIXES: {{^}}  con.commit(); con.setAutoCommit(true);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// Not flagged: the same after setAutoCommit(false), committed at the end.
void book_seat_in_transaction(sql::Connection &con, int event_id) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement("SELECT available_seats FROM events WHERE id = ? FOR UPDATE"));
  select->setInt(1, event_id);
  std::unique_ptr<sql::ResultSet> res(select->executeQuery());
  if (res->next() && res->getInt(1) > 0) {
    std::unique_ptr<sql::PreparedStatement> update(con.prepareStatement("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?"));
    update->setInt(1, event_id);
    update->executeUpdate();
  }
  con.commit();
}
