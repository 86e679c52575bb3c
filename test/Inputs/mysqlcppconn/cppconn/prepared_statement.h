// Mock of MySQL Connector/C++ 1.1's cppconn/prepared_statement.h: a
// PreparedStatement is a Statement, and keeps its SQL-taking overloads.
#ifndef MOCK_CPPCONN_PREPARED_STATEMENT_H
#define MOCK_CPPCONN_PREPARED_STATEMENT_H
#include "statement.h"
#include <cstdint>
#include <iostream>
namespace sql {
class PreparedStatement : public Statement {
public:
  virtual ~PreparedStatement() {}
  virtual void clearParameters() = 0;
  virtual bool execute(const sql::SQLString &sql) = 0;
  virtual bool execute() = 0;
  virtual ResultSet *executeQuery(const sql::SQLString &sql) = 0;
  virtual ResultSet *executeQuery() = 0;
  virtual int executeUpdate(const sql::SQLString &sql) = 0;
  virtual int executeUpdate() = 0;
  virtual void setBoolean(unsigned int parameterIndex, bool value) = 0;
  virtual void setDouble(unsigned int parameterIndex, double value) = 0;
  virtual void setInt(unsigned int parameterIndex, int32_t value) = 0;
  virtual void setUInt(unsigned int parameterIndex, uint32_t value) = 0;
  virtual void setInt64(unsigned int parameterIndex, int64_t value) = 0;
  virtual void setNull(unsigned int parameterIndex, int sqlType) = 0;
  virtual void setString(unsigned int parameterIndex,
                         const sql::SQLString &value) = 0;
};
} // namespace sql
#endif
