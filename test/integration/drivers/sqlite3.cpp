// Driver for scenarios written with the SQLite C API. Every connection
// waits up to 10 s for a lock (busy timeout) rather than failing at once.

#include "harness.h"

#include <sqlite3.h>

#include <stdexcept>

int scenario_request(sqlite3 &db, int client);

int main(int argc, char **argv) {
  harness::Backend<sqlite3> backend;
  backend.connect = [](const std::string &path) {
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
      std::string message = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close(db);
      throw std::runtime_error("open " + path + ": " + message);
    }
    sqlite3_busy_timeout(db, 10000);
    return std::shared_ptr<sqlite3>(db, sqlite3_close);
  };
  backend.exec = [](sqlite3 &db, const std::string &statement) {
    char *error = nullptr;
    if (sqlite3_exec(&db, statement.c_str(), nullptr, nullptr, &error) !=
        SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw std::runtime_error(message);
    }
  };
  backend.check = [](sqlite3 &db, const std::string &query) {
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(&db, query.c_str(), -1, &stmt, nullptr) !=
            SQLITE_OK ||
        sqlite3_step(stmt) != SQLITE_ROW) {
      std::string message = sqlite3_errmsg(&db);
      sqlite3_finalize(stmt);
      throw std::runtime_error(message);
    }
    auto result = std::make_pair(sqlite3_column_int(stmt, 0) == 1,
                                 std::string(reinterpret_cast<const char *>(
                                     sqlite3_column_text(stmt, 1))));
    sqlite3_finalize(stmt);
    return result;
  };
  return harness::run(argc, argv, backend, scenario_request);
}
