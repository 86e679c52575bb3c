#ifndef SOCI_INTO_TYPE_H_INCLUDED
#define SOCI_INTO_TYPE_H_INCLUDED
#include "soci/soci-backend.h"
#include "soci/type-ptr.h"

namespace soci { namespace details {

class into_type_base {
public:
  virtual ~into_type_base() {}
};
typedef type_ptr<into_type_base> into_type_ptr;

} // namespace details
} // namespace soci
#endif
