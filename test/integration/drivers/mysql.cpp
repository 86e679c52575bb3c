// Driver for scenarios written with the MySQL/MariaDB C API, against the
// MariaDB server of mariadb-server.sh (DBRACE_MARIADB_* say where).

#include "harness.h"

#include <mysql.h>

#include <cstdlib>
#include <stdexcept>

int scenario_request(MYSQL &conn, int client);

namespace {

std::string env(const char *name) {
  const char *value = std::getenv(name);
  if (!value)
    throw std::runtime_error(std::string(name) +
                             " is not set (see mariadb-server.sh)");
  return value;
}

void fail_on(MYSQL &conn, int rc) {
  if (rc != 0)
    throw std::runtime_error(mysql_error(&conn));
}

} // namespace

int main(int argc, char **argv) {
  // Before any thread: mysql_init() would run it, but not thread-safely.
  mysql_library_init(0, nullptr, nullptr);
  harness::Backend<MYSQL> backend;
  backend.connect = [](const std::string &) {
    MYSQL *conn = mysql_init(nullptr);
    if (!mysql_real_connect(conn, env("DBRACE_MARIADB_HOST").c_str(),
                            env("DBRACE_MARIADB_USER").c_str(), "",
                            env("DBRACE_MARIADB_DB").c_str(),
                            std::atoi(env("DBRACE_MARIADB_PORT").c_str()),
                            nullptr, 0)) {
      std::string message = mysql_error(conn);
      mysql_close(conn);
      throw std::runtime_error("connect: " + message);
    }
    return std::shared_ptr<MYSQL>(conn, mysql_close);
  };
  backend.exec = [](MYSQL &conn, const std::string &statement) {
    fail_on(conn, mysql_query(&conn, statement.c_str()));
  };
  backend.check = [](MYSQL &conn, const std::string &query) {
    fail_on(conn, mysql_query(&conn, query.c_str()));
    MYSQL_RES *res = mysql_store_result(&conn);
    MYSQL_ROW row = res ? mysql_fetch_row(res) : nullptr;
    if (!row || !row[0] || !row[1]) {
      mysql_free_result(res);
      throw std::runtime_error("the check returned no row");
    }
    auto result =
        std::make_pair(std::string(row[0]) == "1", std::string(row[1]));
    mysql_free_result(res);
    return result;
  };
  const int rc = harness::run(argc, argv, backend, scenario_request);
  mysql_library_end();
  return rc;
}
