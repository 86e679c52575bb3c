// Mock of sqlpp11's PostgreSQL connector (sqlpp11/postgresql/postgresql.h).
#ifndef MOCK_SQLPP11_POSTGRESQL_H
#define MOCK_SQLPP11_POSTGRESQL_H
#include "sqlpp11/sqlpp11.h"
#include <cstddef>
#include <memory>
#include <string>
namespace sqlpp {
namespace postgresql {
struct connection_config {
  std::string host;
  std::string dbname;
  std::string user;
  std::string password;
};

class connection {
public:
  explicit connection(const std::shared_ptr<connection_config> &config) {}
  ~connection() {}

  /// Runs a SELECT: the rows.
  template <typename... Columns>
  result_t<result_row_t<Columns...>>
  operator()(const statement_t<select_kind<Columns...>> &s) {
    return {};
  }
  /// Runs an UPDATE, DELETE or INSERT: the affected rows.
  std::size_t operator()(const statement_t<update_kind> &s) { return 0; }
  std::size_t operator()(const statement_t<remove_kind> &s) { return 0; }
  std::size_t operator()(const statement_t<insert_kind> &s) { return 0; }

  /// Runs SQL text.
  void execute(const std::string &command) {}

  void start_transaction() {}
  void start_transaction(isolation_level level) {}
  void commit_transaction() {}
  void rollback_transaction(bool report) {}
};
} // namespace postgresql
} // namespace sqlpp
#endif
