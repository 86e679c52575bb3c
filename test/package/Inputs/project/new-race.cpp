
void resell(pqxx::work &w, int event) {
  pqxx::row r = w.exec_params1("SELECT seats FROM events WHERE id = $1", event);
  if (r[0].as<int>() < 100)
    w.exec_params("UPDATE events SET seats = seats + 1 WHERE id = $1", event);
}
