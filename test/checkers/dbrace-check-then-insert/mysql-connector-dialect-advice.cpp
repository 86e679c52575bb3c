// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/mysqlcppconn
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real

// The advice names only what MySQL has: INSERT IGNORE and ON DUPLICATE KEY
// UPDATE (MySQL has no ON CONFLICT, and INSERT OR IGNORE is SQLite's).

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>
#include <string>

bool sign_up(sql::Connection &con, const std::string &email) {
  con.setAutoCommit(false);
  std::unique_ptr<sql::PreparedStatement> find(con.prepareStatement("SELECT count(*) FROM accounts WHERE email = ?"));
  find->setString(1, email);
  std::unique_ptr<sql::ResultSet> res(find->executeQuery());
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: check of 'accounts' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  if (res->next() && res->getInt(1) > 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  std::unique_ptr<sql::PreparedStatement> add(con.prepareStatement("INSERT INTO accounts(email) VALUES (?)"));
  add->setString(1, email);
  add->executeUpdate();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is inserted into here
  // CHECK-NOTES: :[[@LINE-12]]:3: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: a unique constraint with 'INSERT IGNORE' or 'ON DUPLICATE KEY UPDATE' and a check of the affected rows, or locking the parent row before the check, makes this safe
  con.commit();
  return true;
}

// ---- Not flagged: the unique constraint decides ----

bool sign_up_ignore(sql::Connection &con, const std::string &email) {
  std::unique_ptr<sql::PreparedStatement> add(con.prepareStatement("INSERT IGNORE INTO accounts(email) VALUES (?)"));
  add->setString(1, email);
  return add->executeUpdate() == 1;
}
