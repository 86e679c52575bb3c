// FLAGS: -isystem %inputs/soci
// SOCI prepared statements and rowsets in an inventory service over
// PostgreSQL.
#include <soci/soci.h>
#include <stdexcept>
#include <string>

namespace inventory {

// case: unsafe
// A prepared statement run by execute(true), its into() checked.
void reorder(soci::session &sql, int product) {
  soci::transaction tr(sql);
  int stock = 0;
  soci::statement st = (sql.prepare << "SELECT stock FROM products WHERE id = :id", soci::into(stock),
                        soci::use(product));
  st.execute(true); // expect: dbrace-unlocked-read-update
  if (stock < 10)
    sql << "UPDATE products SET stock = stock + 50 WHERE id = :id", soci::use(product);
  tr.commit();
}

// case: safe
// The same statement with FOR UPDATE.
void reorder_locked(soci::session &sql, int product) {
  soci::transaction tr(sql);
  int stock = 0;
  soci::statement st = (sql.prepare << "SELECT stock FROM products WHERE id = :id FOR UPDATE", soci::into(stock),
                        soci::use(product));
  st.execute(true);
  if (stock < 10)
    sql << "UPDATE products SET stock = stock + 50 WHERE id = :id", soci::use(product);
  tr.commit();
}

// case: unsafe
// "No reservation yet": the statement's got_data() decides the insert.
bool reserve(soci::session &sql, int product, int customer) {
  soci::transaction tr(sql);
  int id = 0;
  soci::statement st = (sql.prepare << "SELECT id FROM reservations WHERE product_id = :p AND customer_id = :c",
                        soci::into(id), soci::use(product), soci::use(customer));
  st.execute(true); // expect: dbrace-check-then-insert
  if (st.got_data())
    return false;
  sql << "INSERT INTO reservations (product_id, customer_id) VALUES (:p, :c)", soci::use(product),
      soci::use(customer);
  tr.commit();
  return true;
}

// case: safe
// The product row is locked before the check: reservations of one product
// queue behind it.
bool reserve_parent_locked(soci::session &sql, int product, int customer) {
  soci::transaction tr(sql);
  sql << "SELECT id FROM products WHERE id = :p FOR UPDATE", soci::use(product);
  int held = 0;
  sql << "SELECT count(*) FROM reservations WHERE product_id = :p", soci::into(held), soci::use(product);
  if (held >= 5)
    return false;
  sql << "INSERT INTO reservations (product_id, customer_id) VALUES (:p, :c)", soci::use(product),
      soci::use(customer);
  tr.commit();
  return true;
}

// case: unsafe
// A rowset of prices, each raised from its value in C++.
void raise_prices(soci::session &sql, int category) {
  soci::transaction tr(sql);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT id, price FROM products WHERE category_id = :c", // expect: dbrace-unlocked-read-update
                                soci::use(category));
  for (const soci::row &r : rs) {
    const int id = r.get<int>(0);
    const double price = r.get<double>(1) * 1.05;
    sql << "UPDATE products SET price = :p WHERE id = :id", soci::use(price), soci::use(id);
  }
  tr.commit();
}

// case: safe
// A rowset read for a report; the report table is written, not products.
void snapshot_prices(soci::session &sql, int category) {
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT id, price FROM products WHERE category_id = :c",
                                soci::use(category));
  for (const soci::row &r : rs) {
    const int id = r.get<int>(0);
    const double price = r.get<double>(1);
    sql << "INSERT INTO price_history (product_id, price) VALUES (:id, :p)", soci::use(id), soci::use(price);
  }
}

// case: safe
// The hold is taken by the conditional UPDATE; get_affected_rows() decides.
bool hold_one(soci::session &sql, int product) {
  int stock = 0;
  sql << "SELECT stock FROM products WHERE id = :id", soci::into(stock), soci::use(product);
  if (stock <= 0)
    return false;
  soci::statement st = (sql.prepare << "UPDATE products SET stock = stock - 1 WHERE id = :id AND stock > 0",
                        soci::use(product));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

// case: unsafe
// The two-step statement: exchange(into), exchange(use), prepare, execute.
void restock_two_step(soci::session &sql, int product, int amount) {
  sql.begin();
  int stock = 0;
  soci::statement st(sql);
  st.exchange(soci::into(stock));
  st.exchange(soci::use(product));
  st.prepare("SELECT stock FROM products WHERE id = :id");
  st.execute(true); // expect: dbrace-unlocked-read-update
  const int next = stock + amount;
  sql << "UPDATE products SET stock = :s WHERE id = :id", soci::use(next), soci::use(product);
  sql.commit();
}

} // namespace inventory
