// Driver for scenarios written with SQLiteCpp. Every connection waits up to
// 10 s for a lock (busy timeout) rather than failing at once.

#include "harness.h"

#include <SQLiteCpp/SQLiteCpp.h>

int scenario_request(SQLite::Database &db, int client);

int main(int argc, char **argv) {
  harness::Backend<SQLite::Database> backend;
  backend.connect = [](const std::string &path) {
    return std::make_shared<SQLite::Database>(
        path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 10000);
  };
  backend.exec = [](SQLite::Database &db, const std::string &statement) {
    db.exec(statement);
  };
  backend.check = [](SQLite::Database &db, const std::string &query) {
    SQLite::Statement check(db, query);
    if (!check.executeStep())
      throw std::runtime_error("the check returned no row");
    return std::make_pair(check.getColumn(0).getInt() == 1,
                          check.getColumn(1).getString());
  };
  return harness::run(argc, argv, backend, scenario_request);
}
