// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/mysqlcppconn
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>

// The check runs in autocommit; the transaction starts only for the write.
void book_seat(sql::Connection &con) {
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = 7"));
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (!res->next() || res->getInt(1) <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  con.setAutoCommit(false);
  stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the transaction begins here
  con.commit();
}
// An early return between the read and a begin by call would leave the
// transaction open: no fix-it, a note.
// CHECK-NOTES: :[[@LINE-13]]:39: note: begin the transaction before the read: move 'con.setAutoCommit(false);' above it

// Not flagged: the transaction begins first and the read is locked.
void book_seat_fixed(sql::Connection &con) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = 7 FOR UPDATE"));
  if (!res->next() || res->getInt(1) <= 0)
    return;
  stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");
  con.commit();
}

// With autocommit off, commit() ends one transaction and the next begins at
// once: the read is in the first, the write in the second.
void add_points(sql::Connection &con, int user_id, int points) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> sel(con.prepareStatement("SELECT points FROM loyalty WHERE user_id = ?"));
  sel->setInt(1, user_id);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery());
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: 'loyalty' is read in an earlier transaction than the one that writes it; a concurrent request can change it in between [dbrace-read-outside-transaction]
  rs->next();
  const int current = rs->getInt(1);
  con.commit();
  std::unique_ptr<sql::PreparedStatement> upd(con.prepareStatement("UPDATE loyalty SET points = ? WHERE user_id = ?"));
  upd->setInt(1, current + points);
  upd->setInt(2, user_id);
  upd->executeUpdate();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'loyalty' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:3: note: the transaction begins here
  con.commit();
}
