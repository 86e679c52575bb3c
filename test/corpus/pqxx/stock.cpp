// FLAGS: -isystem %inputs/pqxx -isystem %corpus/include
// Stock: checkout, restock, warehouse calls.
#include <chrono>
#include <curl/curl.h>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace stock {

struct CartLine {
  int product_id;
  int quantity;
};

// case: unsafe
// Checkout over the cart's lines: each product is checked, then decremented.
void checkout(pqxx::connection &c, const std::vector<CartLine> &lines) {
  pqxx::work w(c);
  for (const CartLine &line : lines) {
    pqxx::row r = w.exec_params1("SELECT stock FROM products WHERE id = $1", line.product_id); // expect: dbrace-unlocked-read-update
    if (r[0].as<int>() < line.quantity)
      throw std::runtime_error("out of stock");
    w.exec_params("UPDATE products SET stock = stock - $1 WHERE id = $2", line.quantity, line.product_id);
  }
  w.commit();
}

// case: safe
// The same, each row locked as it is read.
void checkout_locked(pqxx::connection &c, const std::vector<CartLine> &lines) {
  pqxx::work w(c);
  for (const CartLine &line : lines) {
    pqxx::row r = w.exec_params1("SELECT stock FROM products WHERE id = $1 FOR UPDATE", line.product_id);
    if (r[0].as<int>() < line.quantity)
      throw std::runtime_error("out of stock");
    w.exec_params("UPDATE products SET stock = stock - $1 WHERE id = $2", line.quantity, line.product_id);
  }
  w.commit();
}

// case: safe
// Conditional decrements, each row count checked; the transaction rolls
// back if any line fails.
bool checkout_atomic(pqxx::connection &c, const std::vector<CartLine> &lines) {
  pqxx::work w(c);
  for (const CartLine &line : lines) {
    pqxx::result u = w.exec_params(
        "UPDATE products SET stock = stock - $1 WHERE id = $2 AND stock >= $1", line.quantity, line.product_id);
    if (u.affected_rows() != 1)
      return false;
  }
  w.commit();
  return true;
}

// case: unsafe
// Autocommit, and the new quantity computed in C++.
void adjust_inventory(pqxx::connection &c, int sku, int delta) {
  pqxx::nontransaction n(c);
  const int qty = n.exec_params1("SELECT quantity FROM inventory WHERE sku = $1", sku)[0].as<int>(); // expect: dbrace-unlocked-read-update
  const int next = qty + delta < 0 ? 0 : qty + delta;
  n.exec_params("UPDATE inventory SET quantity = $1 WHERE sku = $2", next, sku);
}

// case: unsafe
// Restock when low, with the SQL concatenated across lines.
void restock_if_low(pqxx::work &w, int product_id, int threshold) {
  const std::string id = std::to_string(product_id);
  pqxx::result r = w.exec("SELECT stock, reorder_quantity FROM products " // expect: dbrace-unlocked-read-update
                          "WHERE id = " + id);
  if (r[0]["stock"].as<int>() < threshold)
    w.exec("UPDATE products SET stock = stock + " + r[0]["reorder_quantity"].as<std::string>() +
           ", last_restock = now() WHERE id = " + id);
}

// case: safe
// Different rows of one table: a new variant copies its template's price.
void price_from_template(pqxx::work &w, int template_id, int variant_id) {
  const long price = w.exec_params1("SELECT price_cents FROM products WHERE id = $1", template_id)[0].as<long>();
  w.exec_params("UPDATE products SET price_cents = $1 WHERE id = $2", price, variant_id);
}

// case: unsafe
// The quantity is checked straight from the one-row result, then an order
// line is written and the stock reduced.
bool add_order_line(pqxx::work &w, int order_id, int product_id, int qty) {
  if (w.exec_params1("SELECT stock FROM products WHERE id = $1", product_id)[0].as<int>() < qty) // expect: dbrace-unlocked-read-update
    return false;
  w.exec_params("INSERT INTO order_lines (order_id, product_id, quantity) VALUES ($1, $2, $3)", order_id,
                product_id, qty);
  w.exec_params("UPDATE products SET stock = stock - $1 WHERE id = $2", qty, product_id);
  return true;
}

static void notify_warehouse(int product_id, int qty) {
  CURL *h = curl_easy_init();
  const std::string body = "product=" + std::to_string(product_id) + "&qty=" + std::to_string(qty);
  curl_easy_setopt(h, CURLOPT_URL, "https://warehouse.internal/reserve");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// case: unsafe
// The product row stays locked while the warehouse is called over HTTP.
void reserve_with_warehouse(pqxx::connection &c, int product_id, int qty) {
  pqxx::work w(c);
  pqxx::row r = w.exec_params1("SELECT stock FROM products WHERE id = $1 FOR UPDATE", product_id);
  if (r[0].as<int>() < qty)
    throw std::runtime_error("out of stock");
  w.exec_params("UPDATE products SET stock = stock - $1 WHERE id = $2", qty, product_id);
  notify_warehouse(product_id, qty); // expect: dbrace-slow-call-in-transaction
  w.commit();
}

// case: safe
// The warehouse is called after the commit, when no lock is held.
void reserve_then_notify(pqxx::connection &c, int product_id, int qty) {
  {
    pqxx::work w(c);
    pqxx::row r = w.exec_params1("SELECT stock FROM products WHERE id = $1 FOR UPDATE", product_id);
    if (r[0].as<int>() < qty)
      throw std::runtime_error("out of stock");
    w.exec_params("UPDATE products SET stock = stock - $1 WHERE id = $2", qty, product_id);
    w.commit();
  }
  notify_warehouse(product_id, qty);
}

// case: unsafe
// A back-off sleep inside the locked transaction.
bool reserve_with_backoff(pqxx::connection &c, int product_id) {
  pqxx::work w(c);
  for (int attempt = 0; attempt < 3; ++attempt) {
    pqxx::row r = w.exec_params1("SELECT stock FROM products WHERE id = $1 FOR UPDATE", product_id);
    if (r[0].as<int>() > 0) {
      w.exec_params("UPDATE products SET stock = stock - 1 WHERE id = $1", product_id);
      w.commit();
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // expect: dbrace-slow-call-in-transaction
  }
  return false;
}

// case: safe
// A sleep in a read-only transaction that took no lock.
int poll_stock(pqxx::connection &c, int product_id) {
  pqxx::read_transaction r(c);
  int stock = 0;
  for (int i = 0; i < 5 && stock == 0; ++i) {
    stock = r.exec_params1("SELECT stock FROM products WHERE id = $1", product_id)[0].as<int>();
    if (stock == 0)
      std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  return stock;
}

} // namespace stock
