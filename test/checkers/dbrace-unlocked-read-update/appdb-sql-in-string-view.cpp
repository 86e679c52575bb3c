// A layer whose calls take SQL as std::string_view: a std::string built
// with `+` reaches it through std::string's conversion operator, a literal
// or a `const char *` through string_view's constructor; SQL kept in
// `static constexpr std::string_view` class members, `static const
// std::string` members defined outside the class, and `inline constexpr`
// variables is followed the same way.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%inputs/appdb/appdb.yaml'}}" -- -std=c++17 -I %inputs/appdb

#include "appdb.h"
#include <string>
#include <string_view>

inline constexpr std::string_view kSelectStock = "SELECT stock FROM products WHERE id = $1";

class Seats {
public:
  static constexpr std::string_view kSelect = "SELECT available_seats FROM events WHERE id = $1";
  static const std::string kTake;
  void book(app::Connection &db, int event);
  void book_locked(app::Connection &db, int event);
};
const std::string Seats::kTake = "UPDATE events SET available_seats = available_seats - 1 WHERE id = $1";

// A std::string from `+` and std::to_string, converted to string_view.
void pay(app::Connection &db, int wallet, int amount) {
  std::string select = "SELECT balance FROM wallets WHERE id = " + std::to_string(wallet);
  app::Rows r = db.query(select);
  if (r.getInt(0, 0) >= amount)
    db.execute("UPDATE wallets SET balance = balance - " + std::to_string(amount) + " WHERE id = " + std::to_string(wallet));
}
// CHECK-NOTES: :[[@LINE-4]]:17: warning: 'wallets' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'wallets' is updated here

// Class members: a string_view in the class, a std::string outside it.
void Seats::book(app::Connection &db, int event) {
  db.begin();
  app::Rows r = db.query(kSelect, event);
  if (r.getInt(0, 0) > 0)
    db.execute(kTake, event);
  db.commit();
}
// CHECK-NOTES: :[[@LINE-5]]:17: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-9]]:3: note: the transaction begins here

// An inline constexpr variable, and a `const char *`.
void restock(app::Connection &db, int product) {
  const char *update = "UPDATE products SET stock = stock + 100 WHERE id = $1";
  db.begin();
  if (db.query(kSelectStock, product).getInt(0, 0) < 10)
    db.execute(update, product);
  db.commit();
}
// CHECK-NOTES: :[[@LINE-4]]:7: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'products' is updated here
// CHECK-NOTES: :[[@LINE-8]]:3: note: the transaction begins here
// The inline variable has that one user: the lock clause goes into it.
// CHECK-FIXES: inline constexpr std::string_view kSelectStock = "SELECT stock FROM products WHERE id = $1 FOR UPDATE";

// Not flagged: the read locks its row.
void Seats::book_locked(app::Connection &db, int event) {
  db.begin();
  std::string select = std::string(kSelect) + " FOR UPDATE";
  app::Rows r = db.query(select, event);
  if (r.getInt(0, 0) > 0)
    db.execute(kTake, event);
  db.commit();
}

// Not flagged: the read is of another row than the write.
void move_seat(app::Connection &db, int from, int to) {
  std::string select = "SELECT available_seats FROM events WHERE id = " + std::to_string(from);
  if (db.query(select).getInt(0, 0) > 0)
    db.execute("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(to));
}
