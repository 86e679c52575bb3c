// FLAGS: -isystem %inputs/libpq -isystem %corpus/include
// libpq: a ticketing service written straight on the C API, with the small
// RAII result holder and helpers such code grows.
#include <cstdlib>
#include <cstring>
#include <curl/curl.h>
#include <libpq-fe.h>
#include <stdexcept>
#include <string>

namespace ticketing {

// Frees the result on every way out.
struct Result {
  explicit Result(PGresult *r) : res(r) {}
  ~Result() { PQclear(res); }
  Result(const Result &) = delete;
  Result &operator=(const Result &) = delete;
  PGresult *res;
};

static void exec_or_throw(PGconn *conn, const char *sql) {
  PGresult *r = PQexec(conn, sql);
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok)
    throw std::runtime_error(PQerrorMessage(conn));
}

// case: unsafe
// Autocommit: the seat count is read, checked, and decremented in separate
// statements.
bool book(PGconn *conn, const char *event_id) {
  const char *params[1] = {event_id};
  PGresult *res = PQexecParams(conn, "SELECT available_seats FROM events WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0); // expect: dbrace-unlocked-read-update
  if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) == 0) {
    PQclear(res);
    return false;
  }
  const int seats = std::atoi(PQgetvalue(res, 0, 0));
  PQclear(res);
  if (seats <= 0)
    return false;
  PQclear(PQexecParams(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0));
  return true;
}

// case: safe
// The same, locked in a transaction.
bool book_locked(PGconn *conn, const char *event_id) {
  exec_or_throw(conn, "BEGIN");
  const char *params[1] = {event_id};
  PGresult *res = PQexecParams(conn, "SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", 1, nullptr, params, nullptr, nullptr, 0);
  const int seats = PQntuples(res) == 1 ? std::atoi(PQgetvalue(res, 0, 0)) : 0;
  PQclear(res);
  if (seats <= 0) {
    exec_or_throw(conn, "ROLLBACK");
    return false;
  }
  PQclear(PQexecParams(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0));
  exec_or_throw(conn, "COMMIT");
  return true;
}

// case: safe
// The write is its own guard, and its row count is checked.
bool book_atomic(PGconn *conn, const char *event_id) {
  const char *params[1] = {event_id};
  Result upd(PQexecParams(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = $1 AND available_seats > 0", 1, nullptr, params, nullptr, nullptr, 0));
  return std::strcmp(PQcmdTuples(upd.res), "1") == 0;
}

// case: unsafe
// A lost update in a plain transaction: READ COMMITTED lets two requests
// read the same balance.
void withdraw(PGconn *conn, int wallet, long amount) {
  exec_or_throw(conn, "BEGIN");
  const std::string id = std::to_string(wallet);
  const char *params[1] = {id.c_str()};
  Result sel(PQexecParams(conn, "SELECT balance FROM wallets WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0)); // expect: dbrace-unlocked-read-update
  const long balance = std::atol(PQgetvalue(sel.res, 0, 0));
  if (balance < amount) {
    exec_or_throw(conn, "ROLLBACK");
    throw std::runtime_error("insufficient funds");
  }
  const std::string left = std::to_string(balance - amount);
  const char *upd_params[2] = {left.c_str(), id.c_str()};
  Result upd(PQexecParams(conn, "UPDATE wallets SET balance = $1 WHERE id = $2", 2, nullptr, upd_params, nullptr, nullptr, 0));
  exec_or_throw(conn, "COMMIT");
}

// case: safe
// SERIALIZABLE: one of two conflicting transactions fails to commit.
bool withdraw_serializable(PGconn *conn, long amount) {
  exec_or_throw(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE");
  Result sel(PQexec(conn, "SELECT balance FROM wallets WHERE id = 12"));
  const long balance = std::atol(PQgetvalue(sel.res, 0, 0));
  if (balance >= amount)
    PQclear(PQexec(conn, "UPDATE wallets SET balance = balance - 5 WHERE id = 12"));
  Result done(PQexec(conn, "COMMIT"));
  return PQresultStatus(done.res) == PGRES_COMMAND_OK;
}

// case: unsafe
// "Not signed up yet, so insert": no lock covers the row to come.
bool sign_up(PGconn *conn, const char *email) {
  PQclear(PQprepare(conn, "find_user", "SELECT id FROM users WHERE email = $1", 1, nullptr));
  const char *params[1] = {email};
  Result found(PQexecPrepared(conn, "find_user", 1, params, nullptr, nullptr, 0)); // expect: dbrace-check-then-insert
  if (PQntuples(found.res) > 0)
    return false;
  Result ins(PQexecParams(conn, "INSERT INTO users(email) VALUES ($1)", 1, nullptr, params, nullptr, nullptr, 0));
  return PQresultStatus(ins.res) == PGRES_COMMAND_OK;
}

// case: safe
// The unique constraint decides, and the row count says who won.
bool sign_up_unique(PGconn *conn, const char *email) {
  const char *params[1] = {email};
  Result ins(PQexecParams(conn, "INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING", 1, nullptr, params, nullptr, nullptr, 0));
  return std::atoi(PQcmdTuples(ins.res)) == 1;
}

// case: unsafe
// The payment provider is called while the wallet's row lock is held.
void charge(PGconn *conn, CURL *http) {
  exec_or_throw(conn, "BEGIN");
  Result sel(PQexec(conn, "SELECT balance FROM wallets WHERE id = 12 FOR UPDATE"));
  if (std::atol(PQgetvalue(sel.res, 0, 0)) >= 5) {
    curl_easy_perform(http); // expect: dbrace-slow-call-in-transaction
    PQclear(PQexec(conn, "UPDATE wallets SET balance = balance - 5 WHERE id = 12"));
  }
  exec_or_throw(conn, "COMMIT");
}

// case: safe
// A read displayed only; the write touches another table.
void show_and_log(PGconn *conn) {
  Result sel(PQexec(conn, "SELECT title, available_seats FROM events WHERE id = 7"));
  if (PQntuples(sel.res) == 1 && std::atoi(PQgetvalue(sel.res, 0, 1)) == 0)
    PQclear(PQexec(conn, "INSERT INTO audit_log(message) VALUES ('sold out viewed')"));
}

} // namespace ticketing
