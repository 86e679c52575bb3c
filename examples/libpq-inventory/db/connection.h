// The session: a libpq connection, with transactions as SQL.
#ifndef INVENTORY_DB_CONNECTION_H
#define INVENTORY_DB_CONNECTION_H

#include <libpq-fe.h>

namespace inventory {

class Connection {
public:
  explicit Connection(const char *conninfo);
  ~Connection();
  PGconn *raw() { return conn; }

  void begin();
  void commit();
  void rollback();

private:
  PGconn *conn;
};

} // namespace inventory

#endif
