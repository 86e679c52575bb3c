#ifndef SOCI_BACKEND_H_INCLUDED
#define SOCI_BACKEND_H_INCLUDED
#include <cstddef>
#include <string>

namespace soci {

enum data_type {
  dt_string, dt_date, dt_double, dt_integer, dt_long_long,
  dt_unsigned_long_long, dt_blob, dt_xml
};

enum indicator { i_ok, i_null, i_truncated };

class session;

namespace details {
enum statement_type { st_one_time_query, st_repeatable_query };
} // namespace details

} // namespace soci
#endif
