// SQL written as a literal of a C++20 string-literal operator template
// (`template <fixed_string S> Query operator""_M()`): the operator takes no
// argument, the literal is its template argument, and its text is the SQL.
// No fix-it edits it (the literal reaches the call as a template argument),
// so the warning stands alone.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%inputs/appdb/appdb.yaml'}}" -- -std=c++20 -I %inputs/appdb

#include "appdb.h"

using namespace app::literals;

void book(app::Connection &db, int event) {
  db.begin();
  app::Rows r = db.query(R"(SELECT available_seats FROM events WHERE id = $1)"_M, event);
  if (r.getInt(0, 0) > 0)
    db.execute(R"(UPDATE events SET available_seats = available_seats - 1 WHERE id = $1)"_M, event);
  db.commit();
}
// CHECK-NOTES: :[[@LINE-5]]:17: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-9]]:3: note: the transaction begins here

// Kept in a constexpr variable: the same.
constexpr auto kSelectBalance = "SELECT balance FROM wallets WHERE id = $1"_M;
void pay(app::Connection &db, int wallet, int amount) {
  db.begin();
  int balance = db.query(kSelectBalance, wallet).getInt(0, 0);
  db.execute("UPDATE wallets SET balance = $1 WHERE id = $2"_M, balance - amount, wallet);
  db.commit();
}
// CHECK-NOTES: :[[@LINE-4]]:17: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'wallets' is updated here
// CHECK-NOTES: :[[@LINE-8]]:3: note: the transaction begins here

// Not flagged: the read locks its row.
void book_locked(app::Connection &db, int event) {
  db.begin();
  app::Rows r = db.query(R"(SELECT available_seats FROM events WHERE id = $1 FOR UPDATE)"_M, event);
  if (r.getInt(0, 0) > 0)
    db.execute(R"(UPDATE events SET available_seats = available_seats - 1 WHERE id = $1)"_M, event);
  db.commit();
}

// Not flagged: the write checks for itself and its row count is used.
bool book_atomic(app::Connection &db, int event) {
  app::Rows r = db.query("SELECT available_seats FROM events WHERE id = $1"_M, event);
  if (r.getInt(0, 0) <= 0)
    return false;
  return db.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1 AND available_seats > 0"_M, event) == 1;
}
