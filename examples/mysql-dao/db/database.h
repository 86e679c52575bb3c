// The one connection of the process, over the MySQL C API.
#ifndef TICKETS_DB_DATABASE_H
#define TICKETS_DB_DATABASE_H

#include <cstdint>
#include <mysql.h>
#include <string>

class Database {
public:
  static Database &instance();

  bool connect(const char *host, const char *user, const char *password,
               const char *schema);
  /// Runs a statement that returns no rows.
  bool executeQuery(const std::string &query);
  /// Runs a query; the caller frees the result with mysql_free_result.
  MYSQL_RES *storeQuery(const std::string &query);
  uint64_t affectedRows();

  bool beginTransaction();
  bool commit();
  bool rollback();

private:
  MYSQL *handle = nullptr;
};

#endif
