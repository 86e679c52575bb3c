// MySQL Connector/C++ takes every statement as a `const sql::SQLString &`:
// literals, std::strings built with `+=`, and SQLString variables all arrive
// through its converting constructors.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/mysqlcppconn
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>
#include <string>

// A std::string built in steps, converted at the call.
void pay(sql::Connection &con, int wallet, int amount) {
  con.setAutoCommit(false);
  std::string query = "SELECT balance FROM wallets";
  query += " WHERE id = ?";
  std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement(query));
  select->setInt(1, wallet);
  std::unique_ptr<sql::ResultSet> res(select->executeQuery());
  res->next();
  int balance = res->getInt(1);
  std::unique_ptr<sql::PreparedStatement> update(con.prepareStatement("UPDATE wallets SET balance = ? WHERE id = ?"));
  update->setInt(1, balance - amount);
  update->setInt(2, wallet);
  update->executeUpdate();
  con.commit();
}
// CHECK-NOTES: :[[@LINE-9]]:39: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'wallets' is updated here
// CHECK-NOTES: :[[@LINE-17]]:3: note: the transaction begins here

// An SQLString variable of its own.
void book(sql::Connection &con, int event_id) {
  con.setAutoCommit(false);
  const sql::SQLString select_seats("SELECT available_seats FROM events WHERE id = ?");
  std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement(select_seats));
  select->setInt(1, event_id);
  std::unique_ptr<sql::ResultSet> res(select->executeQuery());
  if (res->next() && res->getInt(1) > 0) {
    std::unique_ptr<sql::PreparedStatement> update(con.prepareStatement(sql::SQLString("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?")));
    update->setInt(1, event_id);
    update->executeUpdate();
  }
  con.commit();
}
// CHECK-NOTES: :[[@LINE-8]]:39: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-8]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-15]]:3: note: the transaction begins here
// CHECK-FIXES: const sql::SQLString select_seats("SELECT available_seats FROM events WHERE id = ? FOR UPDATE");

// Locked, through the same conversions: silent.
void book_locked(sql::Connection &con, int event_id) {
  con.setAutoCommit(false);
  std::string query = "SELECT available_seats FROM events WHERE id = ?";
  query += " FOR UPDATE";
  std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement(query));
  select->setInt(1, event_id);
  std::unique_ptr<sql::ResultSet> res(select->executeQuery());
  if (res->next() && res->getInt(1) > 0) {
    std::unique_ptr<sql::PreparedStatement> update(con.prepareStatement("UPDATE events SET available_seats = available_seats - 1 WHERE id = ?"));
    update->setInt(1, event_id);
    update->executeUpdate();
  }
  con.commit();
}
