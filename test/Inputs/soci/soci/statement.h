#ifndef SOCI_STATEMENT_H_INCLUDED
#define SOCI_STATEMENT_H_INCLUDED
#include "soci/into.h"
#include "soci/use.h"
#include "soci/prepare-temp-type.h"
#include <string>

namespace soci {

class session;
class row;

namespace details {
class statement_impl;
} // namespace details

// A handle class for details::statement_impl (copyable).
class statement {
public:
  statement(session &s);
  statement(details::prepare_temp_type const &prep);
  ~statement();
  statement(statement const &other);
  void operator=(statement const &other);

  void alloc();
  void exchange(details::into_type_ptr const &i);
  template <typename T, typename Indicator>
  void exchange(details::into_container<T, Indicator> const &ic) {}
  void exchange(details::use_type_ptr const &u);
  template <typename T, typename Indicator>
  void exchange(details::use_container<T, Indicator> const &uc) {}
  void clean_up();
  void bind_clean_up();

  void prepare(std::string const &query,
               details::statement_type eType = details::st_repeatable_query);
  void define_and_bind();
  bool execute(bool withDataExchange = false);
  long long get_affected_rows();
  bool fetch();
  bool got_data() const { return gotData_; }
  void describe();
  void set_row(row *r);

private:
  details::statement_impl *impl_;
  bool gotData_;
};

} // namespace soci
#endif
