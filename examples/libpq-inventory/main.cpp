#include "db/connection.h"
#include "service/order_service.h"

int main() {
  inventory::Connection db("dbname=inventory");
  inventory::Stock_Store store(db);
  return inventory::place_order(store, 1, 42, 3) ? 0 : 1;
}
