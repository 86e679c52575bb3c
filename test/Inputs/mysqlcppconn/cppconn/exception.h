// Mock of MySQL Connector/C++ 1.1's cppconn/exception.h.
#ifndef MOCK_CPPCONN_EXCEPTION_H
#define MOCK_CPPCONN_EXCEPTION_H
#include <stdexcept>
#include <string>
namespace sql {
class SQLException : public std::runtime_error {
public:
  explicit SQLException(const std::string &reason)
      : std::runtime_error(reason) {}
  int getErrorCode() const { return 0; }
};
} // namespace sql
#endif
