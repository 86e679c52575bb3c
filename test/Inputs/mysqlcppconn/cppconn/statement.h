// Mock of MySQL Connector/C++ 1.1's cppconn/statement.h.
#ifndef MOCK_CPPCONN_STATEMENT_H
#define MOCK_CPPCONN_STATEMENT_H
#include "resultset.h"
#include "sqlstring.h"
#include <cstdint>
#include <string>
namespace sql {
class Connection;
class Statement {
public:
  virtual ~Statement() {}
  virtual Connection *getConnection() = 0;
  virtual void close() = 0;
  /// True when the statement returned a result set.
  virtual bool execute(const sql::SQLString &sql) = 0;
  /// The caller owns the result set.
  virtual ResultSet *executeQuery(const sql::SQLString &sql) = 0;
  /// The number of rows affected.
  virtual int executeUpdate(const sql::SQLString &sql) = 0;
  virtual ResultSet *getResultSet() = 0;
  virtual uint64_t getUpdateCount() = 0;
};
} // namespace sql
#endif
