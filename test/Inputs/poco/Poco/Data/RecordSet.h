// Mock of POCO Data's Poco/Data/RecordSet.h: the constructor that takes a
// session and a query runs the query.
#ifndef MOCK_POCO_DATA_RECORDSET_H
#define MOCK_POCO_DATA_RECORDSET_H
#include "Poco/Data/Session.h"
#include "Poco/Data/Statement.h"
#include <cstddef>
#include <string>
namespace Poco {
namespace Data {

class RecordSet : private Statement {
public:
  RecordSet(Session &rSession, const std::string &query)
      : Statement(rSession) {}
  std::size_t rowCount() const { return 0; }
  template <class T> const T &value(std::size_t col, std::size_t row,
                 bool useFilter = true) const {
    static T t;
    return t;
  }
  template <class T>
  const T &value(const std::string &name, std::size_t row,
                 bool useFilter = true) const {
    static T t;
    return t;
  }
  bool moveFirst() { return true; }
  bool moveNext() { return false; }
};

} // namespace Data
} // namespace Poco
#endif
