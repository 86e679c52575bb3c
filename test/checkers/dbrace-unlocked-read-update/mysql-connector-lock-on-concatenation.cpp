// The SQL reaches executeQuery as a std::string concatenation converted
// implicitly to sql::SQLString. The text ends in a value, so the lock clause
// is appended to the concatenation (` + " FOR UPDATE"`): the std::string it
// makes still converts to sql::SQLString, and the one literal that holds the
// SELECT is left alone.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/mysqlcppconn
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

void book_seat(sql::Connection &con, int event_id) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = " + std::to_string(event_id)));
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (res->next() && res->getInt(1) > 0)
    stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:3: note: the transaction begins here
  con.commit();
}
// CHECK-FIXES: std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = " + std::to_string(event_id) + " FOR UPDATE"));
