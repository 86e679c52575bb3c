// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/mysqlcppconn
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

// Check-then-decrement in a transaction opened by setAutoCommit(false),
// without a lock. The text is a concatenation that reaches executeQuery
// through SQLString's implicit constructor: the clause is appended to the
// concatenation.
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

// Read-modify-write with prepared statements: the new balance is computed in
// C++ (a lost update).
void pay(sql::Connection &con, int wallet, int amount) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement("SELECT balance FROM wallets WHERE id = ?"));
  select->setInt(1, wallet);
  std::unique_ptr<sql::ResultSet> res(select->executeQuery());
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'wallets' is read without a lock
  res->next();
  int balance = res->getInt("balance");
  std::unique_ptr<sql::PreparedStatement> update(con.prepareStatement("UPDATE wallets SET balance = ? WHERE id = ?"));
  update->setInt(1, balance - amount);
  update->setInt(2, wallet);
  update->executeUpdate();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-13]]:3: note: the transaction begins here
  con.commit();
}
// CHECK-FIXES: std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement("SELECT balance FROM wallets WHERE id = ? FOR UPDATE"));

// Autocommit (the connection's default): each statement commits on its own,
// so a lock alone would not help. The fix-it turns autocommit off above the
// read, and on each normal exit commits and turns it back on.
bool redeem_coupon(sql::Connection &con, const std::string &code) {
  std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement("SELECT used FROM coupons WHERE code = ?"));
  select->setString(1, code);
  std::unique_ptr<sql::ResultSet> res(select->executeQuery());
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'coupons' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (!res->next() || res->getBoolean(1))
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  std::unique_ptr<sql::PreparedStatement> update(con.prepareStatement("UPDATE coupons SET used = 1 WHERE code = ?"));
  update->setString(1, code);
  update->executeUpdate();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'coupons' is updated here
  return true;
}
// CHECK-FIXES: {{^}}  std::unique_ptr<sql::PreparedStatement> select(con.prepareStatement("SELECT used FROM coupons WHERE code = ? FOR UPDATE"));{{$}}
// CHECK-FIXES-NEXT: {{^}}  select->setString(1, code);{{$}}
// CHECK-FIXES-NEXT: {{^}}  con.setAutoCommit(false);{{$}}
// CHECK-FIXES-NEXT: {{^}}  std::unique_ptr<sql::ResultSet> res(select->executeQuery());{{$}}
// CHECK-FIXES: {{^}}    { con.commit(); con.setAutoCommit(true); return false; }{{$}}
// CHECK-FIXES: {{^}}  con.commit(); con.setAutoCommit(true);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// ---- Not flagged ----

// The locked read in the transaction that writes.
void book_locked(sql::Connection &con, int event_id) {
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

// The atomic conditional update; executeUpdate() returns the affected rows.
bool book_atomic(sql::Connection &con, int event_id) {
  std::unique_ptr<sql::PreparedStatement> update(con.prepareStatement("UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0"));
  update->setInt(1, event_id);
  return update->executeUpdate() == 1;
}

// A read before the same atomic update: the write checks for itself.
bool book_checked_twice(sql::Connection &con, int event_id) {
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = " + std::to_string(event_id)));
  if (!res->next() || res->getInt(1) <= 0)
    return false;
  int changed = stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id) + " AND available_seats > 0");
  return changed == 1;
}

// A read whose value guards nothing.
int show_seats(sql::Connection &con, int event_id) {
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = " + std::to_string(event_id)));
  stmt->executeUpdate("UPDATE events SET views = views + 1 WHERE id = " + std::to_string(event_id));
  return res->next() ? res->getInt(1) : 0;
}

// A read of one table deciding a write of an unrelated one.
void log_if_sold_out(sql::Connection &con, int event_id) {
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = " + std::to_string(event_id)));
  if (res->next() && res->getInt(1) == 0)
    stmt->execute("UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1");
}

// Not flagged: the session's isolation is SERIALIZABLE, set before the
// transaction mode begins.
void book_serializable(sql::Connection &con, int event_id) {
  con.setTransactionIsolation(sql::TRANSACTION_SERIALIZABLE);
  con.setAutoCommit(false);
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = 7"));
  if (res->next() && res->getInt(1) > 0)
    stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");
  con.commit();
}

// REPEATABLE READ does not stop InnoDB's lost update.
void book_repeatable_read(sql::Connection &con) {
  con.setTransactionIsolation(sql::TRANSACTION_REPEATABLE_READ);
  con.setAutoCommit(false);
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = 9"));
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (res->next() && res->getInt(1) > 0)
    stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = 9");
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:3: note: the transaction begins here
  con.commit();
}
// CHECK-FIXES: std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = 9 FOR UPDATE"));

// setAutoCommit(true) leaves transaction mode: the read and the write each
// commit on their own, a race reported as such, not as a transaction
// without a lock.
void book_after_commit(sql::Connection &con) {
  con.setAutoCommit(false);
  con.setAutoCommit(true);
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = 8"));
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (res->next() && res->getInt(1) > 0)
    stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = 8");
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
}

// Not flagged: placeholders bound with setInt show that the parent's row
// decides a write of another row of the same table.
void inherit_visibility(sql::Connection &con, int parent_id, int child_id) {
  std::unique_ptr<sql::PreparedStatement> sel(con.prepareStatement("SELECT hidden FROM categories WHERE id = ?"));
  sel->setInt(1, parent_id);
  std::unique_ptr<sql::ResultSet> rs(sel->executeQuery());
  if (rs->next() && rs->getBoolean(1)) {
    std::unique_ptr<sql::PreparedStatement> upd(con.prepareStatement("UPDATE categories SET hidden = 1 WHERE id = ?"));
    upd->setInt(1, child_id);
    upd->executeUpdate();
  }
}

// Not flagged: a named lock (GET_LOCK) belongs to the session and holds
// across autocommit statements until RELEASE_LOCK.
void book_named_lock(sql::Connection &con) {
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  std::unique_ptr<sql::ResultSet> lk(stmt->executeQuery("SELECT GET_LOCK('events:10', 10)"));
  if (!lk->next() || lk->getInt(1) != 1)
    return;
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = 10"));
  if (res->next() && res->getInt(1) > 0)
    stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = 10");
  stmt->execute("DO RELEASE_LOCK('events:10')");
}

// The named lock is released before the write.
void book_named_lock_released(sql::Connection &con) {
  std::unique_ptr<sql::Statement> stmt(con.createStatement());
  stmt->execute("DO GET_LOCK('events:11', 10)");
  std::unique_ptr<sql::ResultSet> res(stmt->executeQuery("SELECT available_seats FROM events WHERE id = 11"));
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  const bool free = res->next() && res->getInt(1) > 0;
  stmt->execute("DO RELEASE_LOCK('events:11')");
  if (free)
    stmt->executeUpdate("UPDATE events SET available_seats = available_seats - 1 WHERE id = 11");
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
}
