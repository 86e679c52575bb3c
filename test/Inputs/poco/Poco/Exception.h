// Mock of POCO's Poco/Exception.h for dbrace's tests: the base of every POCO
// exception and the two steps down to Poco::Data::DataException.
#ifndef MOCK_POCO_EXCEPTION_H
#define MOCK_POCO_EXCEPTION_H
#include <exception>
#include <string>
namespace Poco {
class Exception : public std::exception {
public:
  Exception(const std::string &msg, int code = 0) : msg_(msg) {}
  const char *what() const noexcept override { return msg_.c_str(); }
  const std::string &displayText() const { return msg_; }

private:
  std::string msg_;
};

class RuntimeException : public Exception {
public:
  RuntimeException(const std::string &msg = "", int code = 0)
      : Exception(msg, code) {}
};

class IOException : public RuntimeException {
public:
  IOException(const std::string &msg = "", int code = 0)
      : RuntimeException(msg, code) {}
};
} // namespace Poco
#endif
