// Statements prepared once by prepareStatement() into std::unique_ptr
// members, in the constructor's member initialisers or body (reset()), and
// executed in another member function: their SQL is known where they run,
// and the lock clause goes into the literal in the constructor.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/mysqlcppconn
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>

class Stock {
public:
  explicit Stock(sql::Connection *con)
      : con_(con), select_(con->prepareStatement("SELECT quantity FROM stock WHERE sku = ?")),
        select_locked_(con->prepareStatement("SELECT quantity FROM stock WHERE sku = ? FOR UPDATE")) {
    update_.reset(con->prepareStatement("UPDATE stock SET quantity = ? WHERE sku = ?"));
  }

  bool take(int sku, int n) {
    con_->setAutoCommit(false);
    select_->setInt(1, sku);
    std::unique_ptr<sql::ResultSet> rs(select_->executeQuery());
    int qty = rs->next() ? rs->getInt(1) : 0;
    if (qty < n)
      return false;
    update_->setInt(1, qty - n);
    update_->setInt(2, sku);
    update_->executeUpdate();
    con_->commit();
    return true;
  }
  // CHECK-NOTES: :[[@LINE-10]]:40: warning: 'stock' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :[[@LINE-9]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'stock' is updated here
  // CHECK-NOTES: :[[@LINE-15]]:5: note: the transaction begins here
  // CHECK-FIXES: : con_(con), select_(con->prepareStatement("SELECT quantity FROM stock WHERE sku = ? FOR UPDATE")),

  // Not flagged: the statement prepared with the lock.
  bool take_locked(int sku, int n) {
    con_->setAutoCommit(false);
    select_locked_->setInt(1, sku);
    std::unique_ptr<sql::ResultSet> rs(select_locked_->executeQuery());
    int qty = rs->next() ? rs->getInt(1) : 0;
    if (qty < n)
      return false;
    update_->setInt(1, qty - n);
    update_->setInt(2, sku);
    update_->executeUpdate();
    con_->commit();
    return true;
  }

private:
  sql::Connection *con_;
  std::unique_ptr<sql::PreparedStatement> select_;
  std::unique_ptr<sql::PreparedStatement> select_locked_;
  std::unique_ptr<sql::PreparedStatement> update_;
};
