#include "db/statement.h"

namespace inventory {

Statement::Statement(PGconn *conn, std::string name, const char *sql)
    : conn(conn), name(std::move(name)) {
  PQclear(PQprepare(conn, this->name.c_str(), sql, 0, nullptr));
}

Statement &Statement::bind(long value) {
  values.push_back(std::to_string(value));
  return *this;
}

PGresult *Statement::execute() {
  std::vector<const char *> params;
  for (const std::string &v : values)
    params.push_back(v.c_str());
  values.clear();
  return PQexecPrepared(conn, name.c_str(), static_cast<int>(params.size()),
                        params.data(), nullptr, nullptr, 0);
}

} // namespace inventory
