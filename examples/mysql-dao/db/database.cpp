#include "db/database.h"

Database &Database::instance() {
  static Database db;
  return db;
}

bool Database::connect(const char *host, const char *user,
                       const char *password, const char *schema) {
  handle = mysql_init(nullptr);
  return mysql_real_connect(handle, host, user, password, schema, 0, nullptr,
                            0) != nullptr;
}

bool Database::executeQuery(const std::string &query) {
  return mysql_real_query(handle, query.c_str(), query.size()) == 0;
}

MYSQL_RES *Database::storeQuery(const std::string &query) {
  if (mysql_real_query(handle, query.c_str(), query.size()) != 0)
    return nullptr;
  return mysql_store_result(handle);
}

uint64_t Database::affectedRows() { return mysql_affected_rows(handle); }

bool Database::beginTransaction() { return executeQuery("START TRANSACTION"); }

bool Database::commit() { return mysql_commit(handle) == 0; }

bool Database::rollback() { return mysql_rollback(handle) == 0; }
