// Sells a seat: the write checks for itself.
#include <pqxx/pqxx>

void book(pqxx::work &w, int event) {
  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1 AND seats > 0",
                event);
}
