// FLAGS: -isystem %inputs/mysqlclient -isystem %corpus/include
// The MySQL/MariaDB C API (InnoDB, REPEATABLE READ): stock, wallets and
// sign-up in a small warehouse service, with a query helper.
#include <cstdlib>
#include <cstring>
#include <curl/curl.h>
#include <mysql.h>
#include <stdexcept>
#include <string>

namespace inventory {

static void run(MYSQL *conn, const std::string &sql) {
  if (mysql_real_query(conn, sql.c_str(), sql.size()) != 0)
    throw std::runtime_error(mysql_error(conn));
}

// case: unsafe
// A transaction, but the snapshot read takes no lock.
bool take_stock(MYSQL *conn, int product, int qty) {
  mysql_query(conn, "START TRANSACTION");
  const std::string id = std::to_string(product);
  mysql_query(conn, ("SELECT stock FROM products WHERE id = " + id).c_str()); // expect: dbrace-unlocked-read-update
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const int stock = row ? std::atoi(row[0]) : 0;
  mysql_free_result(res);
  if (stock < qty) {
    mysql_rollback(conn);
    return false;
  }
  mysql_query(conn, ("UPDATE products SET stock = stock - " + std::to_string(qty) + " WHERE id = " + id).c_str());
  mysql_commit(conn);
  return true;
}

// case: safe
// The same with FOR UPDATE.
bool take_stock_locked(MYSQL *conn, int product, int qty) {
  mysql_query(conn, "START TRANSACTION");
  const std::string id = std::to_string(product);
  mysql_query(conn, ("SELECT stock FROM products WHERE id = " + id + " FOR UPDATE").c_str());
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const int stock = row ? std::atoi(row[0]) : 0;
  mysql_free_result(res);
  if (stock < qty) {
    mysql_rollback(conn);
    return false;
  }
  mysql_query(conn, ("UPDATE products SET stock = stock - " + std::to_string(qty) + " WHERE id = " + id).c_str());
  mysql_commit(conn);
  return true;
}

// case: safe
// The write is its own guard; mysql_affected_rows says whether it won.
bool take_stock_atomic(MYSQL *conn, int product, int qty) {
  run(conn, "UPDATE products SET stock = stock - " + std::to_string(qty) + " WHERE id = " + std::to_string(product) + " AND stock >= " + std::to_string(qty));
  return mysql_affected_rows(conn) == 1;
}

// case: unsafe
// Autocommit off, the balance fetched through a prepared statement and
// written back less the amount: a lost update.
void withdraw(MYSQL *conn, int wallet, long long amount) {
  mysql_autocommit(conn, 0);
  MYSQL_STMT *sel = mysql_stmt_init(conn);
  const char *query = "SELECT balance FROM wallets WHERE id = ?";
  mysql_stmt_prepare(sel, query, std::strlen(query));
  MYSQL_BIND key[1];
  std::memset(key, 0, sizeof key);
  key[0].buffer_type = MYSQL_TYPE_LONG;
  key[0].buffer = &wallet;
  mysql_stmt_bind_param(sel, key);
  mysql_stmt_execute(sel); // expect: dbrace-unlocked-read-update
  long long balance = 0;
  MYSQL_BIND out[1];
  std::memset(out, 0, sizeof out);
  out[0].buffer_type = MYSQL_TYPE_LONGLONG;
  out[0].buffer = &balance;
  mysql_stmt_bind_result(sel, out);
  mysql_stmt_fetch(sel);
  mysql_stmt_close(sel);
  long long left = balance - amount;
  MYSQL_STMT *upd = mysql_stmt_init(conn);
  const char *update = "UPDATE wallets SET balance = ? WHERE id = ?";
  mysql_stmt_prepare(upd, update, std::strlen(update));
  MYSQL_BIND values[2];
  std::memset(values, 0, sizeof values);
  values[0].buffer_type = MYSQL_TYPE_LONGLONG;
  values[0].buffer = &left;
  values[1].buffer_type = MYSQL_TYPE_LONG;
  values[1].buffer = &wallet;
  mysql_stmt_bind_param(upd, values);
  mysql_stmt_execute(upd);
  mysql_stmt_close(upd);
  mysql_commit(conn);
  mysql_autocommit(conn, 1);
}

// case: safe
// A relative update needs no read at all.
void deposit(MYSQL *conn, int wallet, long long amount) {
  run(conn, "UPDATE wallets SET balance = balance + " + std::to_string(amount) + " WHERE id = " + std::to_string(wallet));
}

// case: unsafe
// "No such e-mail yet, so insert": REPEATABLE READ and even FOR UPDATE on
// a missing row do not stop a second request from inserting too.
bool sign_up(MYSQL *conn) {
  mysql_query(conn, "START TRANSACTION");
  mysql_query(conn, "SELECT id FROM users WHERE email = 'a@example.org'"); // expect: dbrace-check-then-insert
  MYSQL_RES *res = mysql_store_result(conn);
  const bool known = mysql_num_rows(res) > 0;
  mysql_free_result(res);
  if (!known)
    mysql_query(conn, "INSERT INTO users(email) VALUES ('a@example.org')");
  mysql_commit(conn);
  return !known;
}

// case: unsafe
// FOR UPDATE in autocommit: the lock ends with the SELECT.
bool reserve(MYSQL *conn) {
  mysql_query(conn, "SELECT stock FROM products WHERE id = 3 FOR UPDATE"); // expect: dbrace-lock-without-transaction
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  const bool available = row && std::atoi(row[0]) > 0;
  mysql_free_result(res);
  if (available)
    mysql_query(conn, "UPDATE products SET stock = stock - 1 WHERE id = 3");
  return available;
}

// case: unsafe
// The carrier's API is called while the product row is locked.
void ship(MYSQL *conn, CURL *http) {
  mysql_autocommit(conn, 0);
  mysql_query(conn, "SELECT stock FROM products WHERE id = 3 FOR UPDATE");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  if (row && std::atoi(row[0]) > 0) {
    curl_easy_perform(http); // expect: dbrace-slow-call-in-transaction
    mysql_query(conn, "UPDATE products SET stock = stock - 1 WHERE id = 3");
  }
  mysql_free_result(res);
  mysql_commit(conn);
  mysql_autocommit(conn, 1);
}

// case: safe
// A read that only decides an update of another table.
void flag_low_stock(MYSQL *conn) {
  mysql_query(conn, "SELECT stock FROM products WHERE id = 3");
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  if (row && std::atoi(row[0]) < 5)
    mysql_query(conn, "UPDATE dashboards SET low_stock = low_stock + 1 WHERE id = 1");
  mysql_free_result(res);
}

} // namespace inventory
