// Driver for scenarios written with SOCI, against PostgreSQL (the PG*
// environment variables say where: libpq reads them for an empty string).

#include "harness.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

int scenario_request(soci::session &sql, int client);

int main(int argc, char **argv) {
  harness::Backend<soci::session> backend;
  backend.connect = [](const std::string &) {
    return std::make_shared<soci::session>(*soci::factory_postgresql(), "");
  };
  backend.exec = [](soci::session &sql, const std::string &statement) {
    sql << statement;
  };
  backend.check = [](soci::session &sql, const std::string &query) {
    int ok = 0;
    std::string detail;
    sql << query, soci::into(ok), soci::into(detail);
    return std::make_pair(ok == 1, detail);
  };
  return harness::run(argc, argv, backend, scenario_request);
}
