// Placing an order with libpqxx: the card is charged while the product's
// row is locked.
//
// charge_card() stands for the payment provider's API, a network round
// trip (a sleep here). Every other order of the product waits for the row
// lock, so for the charges of all the orders before it: latency grows with
// the number of concurrent orders. dbrace flags the call
// (dbrace-slow-call-in-transaction) and has no fix-it; its note says to do
// the slow work outside the lock, which fix.patch does: the charge moves
// after the commit.

#include <pqxx/pqxx>

#include <chrono>
#include <thread>

static void charge_card(int order) {
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  (void)order;
}

// Returns 1 when the order was placed, 0 when out of stock.
int place_order(pqxx::connection &c, int product, int order) {
  pqxx::work w(c);
  const int stock = w.exec_params1("SELECT stock FROM products WHERE id = $1 FOR UPDATE", product)[0].as<int>();
  if (stock <= 0)
    return 0;
  w.exec_params("UPDATE products SET stock = stock - 1 WHERE id = $1", product);
  w.exec_params("INSERT INTO orders(id, product) VALUES ($1, $2)", order, product);
  charge_card(order);
  w.commit();
  return 1;
}

// The harness calls this once per client.
int scenario_request(pqxx::connection &c, int client) { return place_order(c, 1, client); }
