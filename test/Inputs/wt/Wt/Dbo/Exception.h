// Mock of Wt 4's Wt/Dbo/Exception.h.
#ifndef MOCK_WT_DBO_EXCEPTION_H
#define MOCK_WT_DBO_EXCEPTION_H
#include <stdexcept>
#include <string>
namespace Wt {
namespace Dbo {
class Exception : public std::runtime_error {
public:
  explicit Exception(const std::string &error, const std::string &code = "")
      : std::runtime_error(error) {}
};
/// Thrown at flush when a modified object's version changed meanwhile.
class StaleObjectException : public Exception {
public:
  StaleObjectException(const std::string &id, const std::string &table,
                       int version)
      : Exception("stale object") {}
};
} // namespace Dbo
} // namespace Wt
#endif
