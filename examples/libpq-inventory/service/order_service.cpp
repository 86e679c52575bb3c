#include "service/order_service.h"

namespace inventory {

bool place_order(Stock_Store &store, long order, long item, long quantity) {
  return store.reserve_atomically(order, item, quantity);
}

} // namespace inventory
