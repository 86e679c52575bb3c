// A prepared statement: prepared once under a name, run with the values
// bound since the last run.
#ifndef INVENTORY_DB_STATEMENT_H
#define INVENTORY_DB_STATEMENT_H

#include <libpq-fe.h>
#include <string>
#include <vector>

namespace inventory {

class Statement {
public:
  Statement(PGconn *conn, std::string name, const char *sql);

  /// Binds the next placeholder.
  Statement &bind(long value);
  /// Runs the statement; the caller clears the result.
  PGresult *execute();

private:
  PGconn *conn;
  std::string name;
  std::vector<std::string> values;
};

} // namespace inventory

#endif
