#ifndef SOCI_SESSION_H_INCLUDED
#define SOCI_SESSION_H_INCLUDED
#include "soci/once-temp-type.h"
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>

namespace soci {

class backend_factory;
class connection_parameters;
class connection_pool;

class session {
public:
  session();
  explicit session(connection_parameters const &parameters);
  session(backend_factory const &factory, std::string const &connectString);
  session(std::string const &backendName, std::string const &connectString);
  explicit session(std::string const &connectString);
  explicit session(connection_pool &pool);
  ~session();

  void open(std::string const &backendName, std::string const &connectString);
  void open(std::string const &connectString);
  void close();
  void reconnect();
  bool is_connected() const noexcept;

  void begin();
  void commit();
  void rollback();

  // once and prepare are public members: `sql.once << ...`, `sql.prepare << ...`.
  details::once_type once;
  details::prepare_type prepare;

  template <typename T> details::once_temp_type operator<<(T const &t) {
    return once << t;
  }

  std::ostringstream &get_query_stream();
  std::string get_query() const;
  std::string get_last_query() const;
  void set_got_data(bool gotData);
  bool got_data() const;
  bool get_last_insert_id(std::string const &table, long long &value);

private:
  session(session const &);
  session &operator=(session const &);
  std::ostringstream query_stream_;
  bool gotData_;
};

} // namespace soci
#endif
