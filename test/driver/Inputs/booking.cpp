// A booking race (read, check, write, no lock) and a clean function.
#include <pqxx/pqxx>

void book(pqxx::work &w, int event) {
  pqxx::row r = w.exec_params1("SELECT seats FROM events WHERE id = $1", event);
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", event);
}

void clean(pqxx::work &w, int event) {
  w.exec_params("UPDATE events SET views = views + 1 WHERE id = $1", event);
}
