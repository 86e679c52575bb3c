#ifndef INVENTORY_SERVICE_ORDER_SERVICE_H
#define INVENTORY_SERVICE_ORDER_SERVICE_H

#include "store/stock_store.h"

namespace inventory {
bool place_order(Stock_Store &store, long order, long item, long quantity);
} // namespace inventory

#endif
