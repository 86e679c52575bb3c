// FLAGS: -isystem %inputs/cppdb -isystem %corpus/include
// cppdb (CppCMS) over MySQL/PostgreSQL: a web shop's seats, wallets,
// coupons, stock and sign-up.
#include <chrono>
#include <cppdb/frontend.h>
#include <curl/curl.h>
#include <stdexcept>
#include <string>
#include <thread>

namespace store {

// case: unsafe
// A RAII guard, no lock.
bool book(cppdb::session &sql, int event_id) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ?" << event_id << cppdb::row; // expect: dbrace-unlocked-read-update
  if (r.empty() || r.get<int>(0) <= 0)
    return false;
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?" << event_id << cppdb::exec;
  guard.commit();
  return true;
}

// case: safe
// The conditional UPDATE's affected() count decides.
bool book_atomic(cppdb::session &sql, int event_id) {
  cppdb::statement st =
      sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0"
          << event_id;
  st.exec();
  return st.affected() == 1;
}

// case: unsafe
// A lost update through prepared statements and fetch().
void pay(cppdb::session &sql, int wallet_id, long long amount) {
  sql.begin();
  cppdb::statement sel = sql.prepare("SELECT balance FROM wallets WHERE id = ?");
  sel.bind(1, wallet_id);
  cppdb::result r = sel.row(); // expect: dbrace-unlocked-read-update
  long long balance = 0;
  r.fetch(0, balance);
  if (balance < amount) {
    sql.rollback();
    throw std::runtime_error("insufficient funds");
  }
  cppdb::statement upd = sql.prepare("UPDATE wallets SET balance = ? WHERE id = ?");
  upd.bind(1, balance - amount);
  upd.bind(2, wallet_id);
  upd.exec();
  sql.commit();
}

// case: safe
// The same, locked.
void pay_locked(cppdb::session &sql, int wallet_id, long long amount) {
  sql.begin();
  cppdb::statement sel = sql.prepare("SELECT balance FROM wallets WHERE id = ? FOR UPDATE");
  sel.bind(1, wallet_id);
  cppdb::result r = sel.row();
  long long balance = 0;
  r.fetch(0, balance);
  if (balance < amount) {
    sql.rollback();
    throw std::runtime_error("insufficient funds");
  }
  cppdb::statement upd = sql.prepare("UPDATE wallets SET balance = ? WHERE id = ?");
  upd.bind(1, balance - amount);
  upd.bind(2, wallet_id);
  upd.exec();
  sql.commit();
}

// case: unsafe
// Autocommit, the result read with operator>>.
bool redeem(cppdb::session &sql, const std::string &code) {
  cppdb::result r = sql << "SELECT used FROM coupons WHERE code = ?" << code << cppdb::row; // expect: dbrace-unlocked-read-update
  int used = 1;
  r >> used;
  if (used)
    return false;
  sql << "UPDATE coupons SET used = 1 WHERE code = ?" << code << cppdb::exec;
  return true;
}

// case: unsafe
// "No account with this name, so insert".
bool sign_up(cppdb::session &sql, const std::string &name) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT id FROM users WHERE username = ?" << name << cppdb::row; // expect: dbrace-check-then-insert
  if (!r.empty())
    return false;
  sql << "INSERT INTO users (username) VALUES (?)" << name << cppdb::exec;
  guard.commit();
  return true;
}

// case: safe
// The same with a unique key deciding and the count checked.
bool sign_up_unique(cppdb::session &sql, const std::string &name) {
  cppdb::statement st = sql << "INSERT IGNORE INTO users (username) VALUES (?)" << name;
  st.exec();
  return st.affected() == 1;
}

// case: unsafe
// The stock is read before the guard begins.
void take_stock(cppdb::session &sql, int product_id, int qty) {
  cppdb::result r = sql << "SELECT stock FROM products WHERE id = ?" << product_id << cppdb::row; // expect: dbrace-read-outside-transaction
  const int stock = r.get<int>("stock");
  if (stock < qty)
    return;
  cppdb::transaction guard(sql);
  sql << "UPDATE products SET stock = ? WHERE id = ?" << stock - qty << product_id << cppdb::exec;
  guard.commit();
}

// case: unsafe
// FOR UPDATE in autocommit.
bool take_stock_autocommit_lock(cppdb::session &sql, int product_id, int qty) {
  cppdb::result r = sql << "SELECT stock FROM products WHERE id = ? FOR UPDATE" << product_id << cppdb::row; // expect: dbrace-lock-without-transaction
  if (r.get<int>(0) < qty)
    return false;
  sql << "UPDATE products SET stock = stock - ? WHERE id = ?" << qty << product_id << cppdb::exec;
  return true;
}

// case: safe
// A read for the product page, and an unconditional view counter on another
// table.
int product_page(cppdb::session &sql, int product_id) {
  cppdb::result r = sql << "SELECT stock FROM products WHERE id = ?" << product_id << cppdb::row;
  sql << "INSERT INTO product_views (product_id) VALUES (?)" << product_id << cppdb::exec;
  return r.empty() ? 0 : r.get<int>(0);
}

// case: safe
// Version column compared, affected() checked.
bool rename_product(cppdb::session &sql, int product_id, const std::string &name) {
  cppdb::result r = sql << "SELECT version FROM products WHERE id = ?" << product_id << cppdb::row;
  const int version = r.get<int>(0);
  cppdb::statement st = sql << "UPDATE products SET name = ?, version = version + 1 WHERE id = ? AND version = ?"
                            << name << product_id << version;
  st.exec();
  if (st.affected() != 1)
    throw std::runtime_error("product changed concurrently");
  return true;
}

// case: unsafe
// A back-off sleep while the product row is locked.
bool reserve_when_available(cppdb::session &sql, int product_id) {
  cppdb::transaction guard(sql);
  for (int i = 0; i < 3; ++i) {
    cppdb::result r = sql << "SELECT stock FROM products WHERE id = ? FOR UPDATE" << product_id << cppdb::row;
    if (r.get<int>(0) > 0) {
      sql << "UPDATE products SET stock = stock - 1 WHERE id = ?" << product_id << cppdb::exec;
      guard.commit();
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250)); // expect: dbrace-slow-call-in-transaction
  }
  return false;
}

// case: safe
// Different rows: a bundle's price is copied to its replacement product.
void copy_price(cppdb::session &sql, int from_id, int to_id) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT price FROM products WHERE id = ?" << from_id << cppdb::row;
  sql << "UPDATE products SET price = ? WHERE id = ?" << r.get<int>(0) << to_id << cppdb::exec;
  guard.commit();
}

} // namespace store
