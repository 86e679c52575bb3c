// A service's own database layer in the style of C++20 web services: SQL
// is passed as std::string_view, written with a `_M` literal whose operator
// template receives the text, and prepared statements bind by name in
// chains that return the statement. Described to dbrace by appdb.yaml
// beside this header. Declarations only.
#ifndef APPDB_H
#define APPDB_H

#include <cstddef>
#include <string>
#include <string_view>

namespace app {

/// SQL text written as a `_M` literal (`R"(SELECT ...)"_M`).
struct Query {
  std::string_view text;
};

#if __cplusplus >= 202002L
/// A string literal as a template argument (C++20).
template <std::size_t N> struct fixed_string {
  char text[N];
  constexpr fixed_string(const char (&s)[N]) {
    for (std::size_t i = 0; i < N; ++i)
      text[i] = s[i];
  }
};

namespace literals {
template <fixed_string S> constexpr Query operator""_M() {
  return Query{std::string_view(S.text, sizeof(S.text) - 1)};
}
} // namespace literals
#endif

class Rows {
public:
  std::size_t size() const;
  bool empty() const;
  int getInt(std::size_t row, std::size_t column) const;
};

/// A prepared statement: binds return the statement, so calls chain.
class Statement {
public:
  Statement *bind(std::string_view name, int value);
  Statement *execute();
  Statement *getResult(Rows &rows);
  long affectedRows() const;
};

class Connection {
public:
  /// Runs \p sql with \p args bound to `$1`, `$2`, ...
  template <typename... Args> Rows query(std::string_view sql, Args &&...args);
  template <typename... Args> Rows query(Query sql, Args &&...args);
  template <typename... Args> long execute(std::string_view sql, Args &&...args);
  template <typename... Args> long execute(Query sql, Args &&...args);
  Statement *prepare(std::string_view sql);
  void begin();
  void commit();
  void rollback();
};

} // namespace app

#endif
