#ifndef INVENTORY_STORE_STOCK_STORE_H
#define INVENTORY_STORE_STOCK_STORE_H

#include "db/connection.h"
#include "db/statement.h"

namespace inventory {

/// Stock levels and reservations, each statement prepared once.
class Stock_Store {
public:
  explicit Stock_Store(Connection &db);

  /// Reserves \p quantity of \p item for \p order; false if short.
  bool reserve(long order, long item, long quantity);
  bool reserve_locked(long order, long item, long quantity);
  bool reserve_atomically(long order, long item, long quantity);

private:
  Connection &db;
  Statement select_stock;
  Statement select_stock_for_update;
  Statement update_stock;
  Statement take_stock_if_enough;
  Statement insert_reservation;
};

} // namespace inventory

#endif
