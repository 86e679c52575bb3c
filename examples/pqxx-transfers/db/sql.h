// SQL text as a `_M` literal: `"SELECT ..."_M` is checked to be a literal
// at compile time and cannot be built from strings by accident.
#ifndef TRANSFERS_DB_SQL_H
#define TRANSFERS_DB_SQL_H

#include <cstddef>
#include <string_view>

namespace transfers {

struct Sql {
  std::string_view text;
};

template <std::size_t N> struct sql_literal {
  char text[N];
  constexpr sql_literal(const char (&s)[N]) {
    for (std::size_t i = 0; i < N; ++i)
      text[i] = s[i];
  }
};

namespace literals {
template <sql_literal S> constexpr Sql operator""_M() {
  return Sql{std::string_view(S.text, sizeof(S.text) - 1)};
}
} // namespace literals

} // namespace transfers

#endif
