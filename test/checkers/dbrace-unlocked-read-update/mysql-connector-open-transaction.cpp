// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/mysqlcppconn
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// No transaction at all in MySQL Connector/C++ (autocommit, the default):
// the fix-it turns autocommit off on the connection the statements were
// made from, above the read; on each normal exit it commits and turns
// autocommit back on, so the caller's connection is left as it was. The
// read is locked. Through a pointer, the calls are spelled with `->`.

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

void pay(sql::Connection *con, int wallet, int amount) {
  std::unique_ptr<sql::PreparedStatement> select(con->prepareStatement("SELECT balance FROM wallets WHERE id = ?"));
  select->setInt(1, wallet);
  std::unique_ptr<sql::ResultSet> res(select->executeQuery());
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'wallets' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  res->next();
  int balance = res->getInt(1);
  std::unique_ptr<sql::PreparedStatement> update(con->prepareStatement("UPDATE wallets SET balance = ? WHERE id = ?"));
  update->setInt(1, balance - amount);
  update->setInt(2, wallet);
  update->executeUpdate();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
}
// CHECK-FIXES: {{^}}  std::unique_ptr<sql::PreparedStatement> select(con->prepareStatement("SELECT balance FROM wallets WHERE id = ? FOR UPDATE"));{{$}}
// CHECK-FIXES-NEXT: {{^}}  select->setInt(1, wallet);{{$}}
// CHECK-FIXES-NEXT: {{^}}  con->setAutoCommit(false);{{$}}
// CHECK-FIXES-NEXT: {{^}}  std::unique_ptr<sql::ResultSet> res(select->executeQuery());{{$}}
// CHECK-FIXES: {{^}}  update->executeUpdate();{{$}}
// CHECK-FIXES: {{^}}  con->commit(); con->setAutoCommit(true);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// A connection held in a std::unique_ptr, and a plain statement object.
bool book(std::unique_ptr<sql::Connection> &conn, int event_id) {
  std::unique_ptr<sql::Statement> stmt(conn->createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = " + std::to_string(event_id)));
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'events' is read without a transaction or lock
  if (!res->next() || res->getInt(1) <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  std::unique_ptr<sql::Statement> stmt(conn->createStatement());{{$}}
// CHECK-FIXES-NEXT: {{^}}  conn->setAutoCommit(false);{{$}}
// CHECK-FIXES-NEXT: {{^}}  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = " + std::to_string(event_id) + " FOR UPDATE"));{{$}}
// CHECK-FIXES: {{^}}    { conn->commit(); conn->setAutoCommit(true); return false; }{{$}}
// CHECK-FIXES: {{^}}  conn->commit(); conn->setAutoCommit(true);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// Refused: statements of two connections. Which one to begin on is not
// clear, so the note leaves the connection open.
void copy_balance(sql::Connection &from, sql::Connection &to, int wallet) {
  std::unique_ptr<sql::Statement> read(from.createStatement());
  std::unique_ptr<sql::Statement> write(to.createStatement());
  std::unique_ptr<sql::ResultSet> res(read->executeQuery("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet)));
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'wallets' is read without a transaction or lock
  res->next();
  write->executeUpdate("UPDATE wallets SET balance = " + std::to_string(res->getInt(1) + 1) + " WHERE id = " + std::to_string(wallet));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:39: note: to run the read and the write in one transaction, write '(...).setAutoCommit(false);' before the read and '(...).commit(); (...).setAutoCommit(true);' on each normal exit after the write
}
// CHECK-FIXES: {{^}}  std::unique_ptr<sql::ResultSet> res(read->executeQuery("SELECT balance FROM wallets WHERE id = " + std::to_string(wallet)));{{$}}
