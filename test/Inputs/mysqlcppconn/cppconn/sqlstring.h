// Mock of MySQL Connector/C++ 1.1's cppconn/sqlstring.h: SQL text reaches the
// API through SQLString's implicit constructors.
#ifndef MOCK_CPPCONN_SQLSTRING_H
#define MOCK_CPPCONN_SQLSTRING_H
#include <cstddef>
#include <string>
namespace sql {
class SQLString {
  std::string realStr;

public:
  ~SQLString() {}
  SQLString() {}
  SQLString(const SQLString &other) : realStr(other.realStr) {}
  SQLString(const std::string &other) : realStr(other) {}
  SQLString(const char other[]) : realStr(other) {}
  SQLString(const char *s, size_t n) : realStr(s, n) {}
  const SQLString &operator=(const char *s) {
    realStr = s;
    return *this;
  }
  const SQLString &operator=(const std::string &rhs) {
    realStr = rhs;
    return *this;
  }
  const SQLString &operator=(const SQLString &rhs) {
    realStr = rhs.realStr;
    return *this;
  }
  const std::string &asStdString() const { return realStr; }
  const char *c_str() const { return realStr.c_str(); }
  operator const std::string &() const { return realStr; }
};
} // namespace sql
#endif
