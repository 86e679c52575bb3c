// Mock of POCO Data's Poco/Data/Session.h (1.11).
#ifndef MOCK_POCO_DATA_SESSION_H
#define MOCK_POCO_DATA_SESSION_H
#include "Poco/Data/Binding.h"
#include "Poco/Data/Statement.h"
#include "Poco/Types.h"
#include <string>
namespace Poco {
namespace Data {

class Session {
public:
  static const Poco::UInt32 TRANSACTION_READ_UNCOMMITTED = 0x00000001L;
  static const Poco::UInt32 TRANSACTION_READ_COMMITTED = 0x00000002L;
  static const Poco::UInt32 TRANSACTION_REPEATABLE_READ = 0x00000004L;
  static const Poco::UInt32 TRANSACTION_SERIALIZABLE = 0x00000008L;

  Session(const std::string &connector, const std::string &connectionString,
          std::size_t timeout = 60) {}
  explicit Session(const std::string &connection, std::size_t timeout = 60) {}
  Session(const Session &) {}
  ~Session() {}

  /// Creates a Statement with the given data as SQL content.
  template <typename T> Statement operator<<(const T &t) {
    Statement stmt(*this);
    stmt << t;
    return stmt;
  }

  void begin() {}
  void commit() {}
  void rollback() {}
  bool isTransaction() const { return false; }
  void setTransactionIsolation(Poco::UInt32) {}
  Poco::UInt32 getTransactionIsolation() { return 0; }
  void close() {}
  bool isConnected() { return true; }
};

} // namespace Data
} // namespace Poco
#endif
