// Driver for scenarios written with libpqxx, against PostgreSQL (the PG*
// environment variables say where).

#include "harness.h"

#include <pqxx/pqxx>

int scenario_request(pqxx::connection &c, int client);

int main(int argc, char **argv) {
  harness::Backend<pqxx::connection> backend;
  backend.connect = [](const std::string &) {
    return std::make_shared<pqxx::connection>("");
  };
  backend.exec = [](pqxx::connection &c, const std::string &statement) {
    pqxx::nontransaction n(c);
    n.exec(statement);
  };
  backend.check = [](pqxx::connection &c, const std::string &query) {
    pqxx::nontransaction n(c);
    pqxx::row row = n.exec1(query);
    return std::make_pair(row[0].as<int>() == 1, row[1].as<std::string>());
  };
  return harness::run(argc, argv, backend, scenario_request);
}
