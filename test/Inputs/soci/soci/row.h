#ifndef SOCI_ROW_H_INCLUDED
#define SOCI_ROW_H_INCLUDED
#include "soci/soci-backend.h"
#include <cstddef>
#include <string>

namespace soci {

class row {
public:
  row();
  ~row();
  std::size_t size() const;
  indicator get_indicator(std::size_t pos) const;
  indicator get_indicator(std::string const &name) const;
  template <typename T> T get(std::size_t pos) const { return T(); }
  template <typename T> T get(std::size_t pos, T const &nullValue) const {
    return nullValue;
  }
  template <typename T> T get(std::string const &name) const { return T(); }
  template <typename T>
  T get(std::string const &name, T const &nullValue) const {
    return nullValue;
  }
};

} // namespace soci
#endif
