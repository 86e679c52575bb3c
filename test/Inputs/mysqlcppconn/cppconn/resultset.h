// Mock of MySQL Connector/C++ 1.1's cppconn/resultset.h.
#ifndef MOCK_CPPCONN_RESULTSET_H
#define MOCK_CPPCONN_RESULTSET_H
#include "sqlstring.h"
#include <cstddef>
#include <cstdint>
namespace sql {
class Statement;
class ResultSet {
public:
  enum enum_type {
    TYPE_FORWARD_ONLY = 0,
    TYPE_SCROLL_INSENSITIVE,
    TYPE_SCROLL_SENSITIVE
  };
  virtual ~ResultSet() {}
  virtual void close() = 0;
  virtual bool first() = 0;
  virtual bool getBoolean(uint32_t columnIndex) const = 0;
  virtual bool getBoolean(const sql::SQLString &columnLabel) const = 0;
  virtual long double getDouble(uint32_t columnIndex) const = 0;
  virtual long double getDouble(const sql::SQLString &columnLabel) const = 0;
  virtual int32_t getInt(uint32_t columnIndex) const = 0;
  virtual int32_t getInt(const sql::SQLString &columnLabel) const = 0;
  virtual int64_t getInt64(uint32_t columnIndex) const = 0;
  virtual int64_t getInt64(const sql::SQLString &columnLabel) const = 0;
  virtual SQLString getString(uint32_t columnIndex) const = 0;
  virtual SQLString getString(const sql::SQLString &columnLabel) const = 0;
  virtual bool isNull(uint32_t columnIndex) const = 0;
  virtual bool next() = 0;
  virtual size_t rowsCount() const = 0;
};
} // namespace sql
#endif
