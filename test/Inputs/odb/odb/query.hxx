// Mock of ODB 2.4's odb/query.hxx: a query is a condition built from
// columns, C++ values and native SQL fragments.
#ifndef MOCK_ODB_QUERY_HXX
#define MOCK_ODB_QUERY_HXX
#include "odb/forward.hxx"
#include <string>
namespace odb {
class query_base {
public:
  query_base() {}
  explicit query_base(bool v) {}
  explicit query_base(const char *native) {}
  explicit query_base(const std::string &native) {}
  static const query_base true_expr;
  query_base &operator+=(const query_base &) { return *this; }
  query_base &operator+=(const std::string &native) { return *this; }
};
inline query_base operator+(const query_base &x, const query_base &y) {
  return x;
}
inline query_base operator+(const query_base &x, const std::string &y) {
  return x;
}
inline query_base operator+(const query_base &x, const char *y) { return x; }
inline query_base operator&&(const query_base &x, const query_base &y) {
  return x;
}

/// A query column of type T; comparisons give conditions.
template <typename T> struct query_column {
  template <typename V> query_base operator==(const V &) const {
    return query_base();
  }
  template <typename V> query_base operator>(const V &) const {
    return query_base();
  }
};

template <typename T> class query : public query_base {
public:
  query() {}
  query(bool v) : query_base(v) {}
  query(const char *native) : query_base(native) {}
  query(const std::string &native) : query_base(native) {}
  query(const query_base &q) : query_base(q) {}
};
} // namespace odb
#endif
