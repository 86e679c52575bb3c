// Driver for scenarios written with MySQL Connector/C++ 1.1, against the
// MariaDB server of mariadb-server.sh (DBRACE_MARIADB_* say where).

#include "harness.h"

#include <cppconn/connection.h>
#include <cppconn/driver.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

int scenario_request(sql::Connection &con, int client);

namespace {

std::string env(const char *name) {
  const char *value = std::getenv(name);
  if (!value)
    throw std::runtime_error(std::string(name) +
                             " is not set (see mariadb-server.sh)");
  return value;
}

} // namespace

int main(int argc, char **argv) {
  // Created once, before any thread: the driver instance is not made for
  // concurrent first calls.
  sql::Driver *driver = get_driver_instance();
  harness::Backend<sql::Connection> backend;
  backend.connect = [driver](const std::string &) {
    std::shared_ptr<sql::Connection> con(
        driver->connect("tcp://" + env("DBRACE_MARIADB_HOST") + ":" +
                            env("DBRACE_MARIADB_PORT"),
                        env("DBRACE_MARIADB_USER"), ""));
    con->setSchema(env("DBRACE_MARIADB_DB"));
    return con;
  };
  backend.exec = [](sql::Connection &con, const std::string &statement) {
    std::unique_ptr<sql::Statement> stmt(con.createStatement());
    stmt->execute(statement);
  };
  backend.check = [](sql::Connection &con, const std::string &query) {
    std::unique_ptr<sql::Statement> stmt(con.createStatement());
    std::unique_ptr<sql::ResultSet> row(stmt->executeQuery(query));
    if (!row->next())
      throw std::runtime_error("the check returned no row");
    return std::make_pair(row->getInt(1) == 1, std::string(row->getString(2)));
  };
  return harness::run(argc, argv, backend, scenario_request);
}
