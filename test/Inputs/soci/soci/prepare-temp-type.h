#ifndef SOCI_PREPARE_TEMP_TYPE_INCLUDED
#define SOCI_PREPARE_TEMP_TYPE_INCLUDED
#include "soci/into-type.h"
#include "soci/into.h"
#include "soci/use-type.h"
#include "soci/use.h"

namespace soci {
class session;
namespace details {

class ref_counted_prepare_info;

// What `sql.prepare << "..."` returns; it converts to statement and rowset.
class prepare_temp_type {
public:
  prepare_temp_type(session &);
  prepare_temp_type(prepare_temp_type const &);
  prepare_temp_type &operator=(prepare_temp_type const &);
  ~prepare_temp_type();

  template <typename T> prepare_temp_type &operator<<(T const &t) {
    return *this;
  }
  prepare_temp_type &operator,(into_type_ptr const &i);
  template <typename T, typename Indicator>
  prepare_temp_type &operator,(into_container<T, Indicator> const &ic) {
    return *this;
  }
  template <typename T, typename Indicator>
  prepare_temp_type &operator,(use_container<T, Indicator> const &uc) {
    return *this;
  }
  ref_counted_prepare_info *get_prepare_info() const { return rcpi_; }

private:
  ref_counted_prepare_info *rcpi_;
};

} // namespace details
} // namespace soci
#endif
