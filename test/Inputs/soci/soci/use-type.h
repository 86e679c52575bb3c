#ifndef SOCI_USE_TYPE_H_INCLUDED
#define SOCI_USE_TYPE_H_INCLUDED
#include "soci/soci-backend.h"
#include "soci/type-ptr.h"

namespace soci { namespace details {

class use_type_base {
public:
  virtual ~use_type_base() {}
};
typedef type_ptr<use_type_base> use_type_ptr;

} // namespace details
} // namespace soci
#endif
