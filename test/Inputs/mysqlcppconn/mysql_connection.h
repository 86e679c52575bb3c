// Mock of MySQL Connector/C++ 1.1's mysql_connection.h: the driver's
// concrete connection class. Code includes it next to cppconn/ and works
// through sql::Connection; the mock declares the class and nothing more.
#ifndef MOCK_MYSQL_CONNECTION_H
#define MOCK_MYSQL_CONNECTION_H
#include <cppconn/connection.h>
namespace sql {
namespace mysql {
class MySQL_Connection : public sql::Connection {
public:
  virtual ~MySQL_Connection() {}
};
} // namespace mysql
} // namespace sql
#endif
