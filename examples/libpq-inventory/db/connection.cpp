#include "db/connection.h"

namespace inventory {

Connection::Connection(const char *conninfo) : conn(PQconnectdb(conninfo)) {}

Connection::~Connection() { PQfinish(conn); }

void Connection::begin() { PQclear(PQexec(conn, "BEGIN")); }

void Connection::commit() { PQclear(PQexec(conn, "COMMIT")); }

void Connection::rollback() { PQclear(PQexec(conn, "ROLLBACK")); }

} // namespace inventory
