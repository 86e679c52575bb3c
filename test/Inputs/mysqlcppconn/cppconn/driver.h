// Mock of MySQL Connector/C++ 1.1's cppconn/driver.h.
#ifndef MOCK_CPPCONN_DRIVER_H
#define MOCK_CPPCONN_DRIVER_H
#include "connection.h"
namespace sql {
class Driver {
protected:
  virtual ~Driver() {}

public:
  virtual Connection *connect(const sql::SQLString &hostName,
                              const sql::SQLString &userName,
                              const sql::SQLString &password) = 0;
};
} // namespace sql
extern "C" {
sql::Driver *get_driver_instance();
}
#endif
