// Mock of POCO's Poco/Data/DataException.h for dbrace's tests: what a failed
// statement throws (a serialization failure under SERIALIZABLE among them).
#ifndef MOCK_POCO_DATA_DATAEXCEPTION_H
#define MOCK_POCO_DATA_DATAEXCEPTION_H
#include "Poco/Exception.h"
namespace Poco {
namespace Data {
class DataException : public Poco::IOException {
public:
  DataException(const std::string &msg = "", int code = 0)
      : Poco::IOException(msg, code) {}
};
} // namespace Data
} // namespace Poco
#endif
