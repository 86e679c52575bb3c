// Mock of {fmt} 9 (Debian: libfmt-dev), for dbrace's tests: the format
// string reaches fmt::format as a fmt::format_string built implicitly from
// the literal, as in the real header. Declarations only.
#ifndef FMT_FORMAT_H_
#define FMT_FORMAT_H_

#include <string>
#include <type_traits>

namespace fmt {
inline namespace v9 {

template <typename T> struct type_identity { using type = T; };
template <typename T> using type_identity_t = typename type_identity<T>::type;

template <typename Char> class basic_string_view {
public:
  constexpr basic_string_view(const Char *s) : data_(s), size_(0) {}
  constexpr basic_string_view(const std::basic_string<Char> &s)
      : data_(s.data()), size_(s.size()) {}

private:
  const Char *data_;
  size_t size_;
};

template <typename Char, typename... Args> class basic_format_string {
public:
  template <typename S,
            typename = typename std::enable_if<std::is_convertible<
                const S &, basic_string_view<Char>>::value>::type>
  constexpr basic_format_string(const S &s) : str_(s) {}

private:
  basic_string_view<Char> str_;
};

template <typename... Args>
using format_string = basic_format_string<char, type_identity_t<Args>...>;

template <typename... T>
std::string format(format_string<T...> fmt, T &&...args);

template <typename S, typename... T>
std::string sprintf(const S &fmt, const T &...args);

} // namespace v9
} // namespace fmt

#endif
