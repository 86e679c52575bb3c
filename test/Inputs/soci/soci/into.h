#ifndef SOCI_INTO_H_INCLUDED
#define SOCI_INTO_H_INCLUDED
#include "soci/into-type.h"
#include <vector>

namespace soci {

namespace details {

template <typename T, typename Indicator> struct into_container {
  into_container(T &_t, Indicator &_ind) : t(_t), ind(_ind) {}
  T &t;
  Indicator &ind;
};

typedef void no_indicator;
template <typename T> struct into_container<T, no_indicator> {
  into_container(T &_t) : t(_t) {}
  T &t;
};

} // namespace details

template <typename T>
details::into_container<T, details::no_indicator> into(T &t) {
  return details::into_container<T, details::no_indicator>(t);
}

template <typename T, typename Indicator>
details::into_container<T, Indicator> into(T &t, Indicator &ind) {
  return details::into_container<T, Indicator>(t, ind);
}

} // namespace soci
#endif
