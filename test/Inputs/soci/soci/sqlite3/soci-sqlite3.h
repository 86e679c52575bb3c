#ifndef SOCI_SQLITE3_H_INCLUDED
#define SOCI_SQLITE3_H_INCLUDED
#include "soci/soci-backend.h"

namespace soci {

class connection_parameters;
struct session_backend;

// The backend factory object a session is opened with: session(sqlite3, ...).
class backend_factory {
public:
  backend_factory() {}
  virtual ~backend_factory() {}
  virtual session_backend *make_session(connection_parameters const &) const = 0;
};

struct sqlite3_backend_factory : backend_factory {
  sqlite3_backend_factory() {}
  session_backend *make_session(connection_parameters const &) const override;
};

extern sqlite3_backend_factory const sqlite3;

} // namespace soci
#endif
