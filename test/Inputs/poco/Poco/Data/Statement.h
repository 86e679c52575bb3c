// Mock of POCO Data's Poco/Data/Statement.h (1.11): a statement collects its
// SQL with <<, its bindings and extractions with the comma operator, and runs
// on execute() or on the `now` manipulator.
#ifndef MOCK_POCO_DATA_STATEMENT_H
#define MOCK_POCO_DATA_STATEMENT_H
#include "Poco/Data/Binding.h"
#include "Poco/Data/Extraction.h"
#include "Poco/Types.h"
#include <cstddef>
#include <string>
namespace Poco {
namespace Data {

class Session;

class Statement {
public:
  typedef void (*Manipulator)(Statement &);

  explicit Statement(Session &session) {}
  Statement(const Statement &stmt) {}
  ~Statement() {}
  Statement &operator=(const Statement &stmt) { return *this; }

  /// Concatenates data with the SQL statement string.
  template <typename T> Statement &operator<<(const T &t) { return *this; }

  Statement &operator,(Manipulator manip) {
    manip(*this);
    return *this;
  }
  Statement &operator,(AbstractBinding::Ptr pBind) { return *this; }
  Statement &operator,(AbstractExtraction::Ptr extract) { return *this; }

  /// Returns the number of rows extracted (for queries) or affected (for
  /// all other statements).
  std::size_t execute(bool reset = true) { return 0; }
  bool done() { return true; }
  void reset(Session &session) {}
  const std::string &toString() const { return _sql; }

private:
  std::string _sql;
};

namespace Keywords {
/// Enforces immediate execution of the statement.
inline void now(Statement &statement) { statement.execute(); }
} // namespace Keywords

} // namespace Data
} // namespace Poco
#endif
