#include "store/stock_store.h"

#include <cstdlib>

namespace inventory {

Stock_Store::Stock_Store(Connection &db)
    : db(db),
      select_stock(db.raw(), "select_stock",
                   "SELECT quantity FROM stock WHERE item = $1"),
      select_stock_for_update(
          db.raw(), "select_stock_for_update",
          "SELECT quantity FROM stock WHERE item = $1 FOR UPDATE"),
      update_stock(db.raw(), "update_stock",
                   "UPDATE stock SET quantity = $2 WHERE item = $1"),
      take_stock_if_enough(db.raw(), "take_stock_if_enough",
                           "UPDATE stock SET quantity = quantity - $2 "
                           "WHERE item = $1 AND quantity >= $2"),
      insert_reservation(db.raw(), "insert_reservation",
                         "INSERT INTO reservations (order_id, item, quantity) "
                         "VALUES ($1, $2, $3)") {}

// Race: the quantity read is written back minus the order, so two orders
// read the same stock and the second write loses the first.
bool Stock_Store::reserve(long order, long item, long quantity) {
  db.begin();
  PGresult *r = select_stock.bind(item).execute();
  long available = std::atol(PQgetvalue(r, 0, 0));
  PQclear(r);
  if (available < quantity) {
    db.rollback();
    return false;
  }
  PQclear(update_stock.bind(item).bind(available - quantity).execute());
  PQclear(insert_reservation.bind(order).bind(item).bind(quantity).execute());
  db.commit();
  return true;
}

// Safe: the stock row is locked from the read to the commit.
bool Stock_Store::reserve_locked(long order, long item, long quantity) {
  db.begin();
  PGresult *r = select_stock_for_update.bind(item).execute();
  long available = std::atol(PQgetvalue(r, 0, 0));
  PQclear(r);
  if (available < quantity) {
    db.rollback();
    return false;
  }
  PQclear(update_stock.bind(item).bind(available - quantity).execute());
  PQclear(insert_reservation.bind(order).bind(item).bind(quantity).execute());
  db.commit();
  return true;
}

// Safe: the UPDATE checks the quantity itself and its row count decides.
bool Stock_Store::reserve_atomically(long order, long item, long quantity) {
  db.begin();
  PGresult *r = take_stock_if_enough.bind(item).bind(quantity).execute();
  bool taken = std::atol(PQcmdTuples(r)) == 1;
  PQclear(r);
  if (!taken) {
    db.rollback();
    return false;
  }
  PQclear(insert_reservation.bind(order).bind(item).bind(quantity).execute());
  db.commit();
  return true;
}

} // namespace inventory
