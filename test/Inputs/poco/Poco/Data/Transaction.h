// Mock of POCO Data's Poco/Data/Transaction.h (1.11): begins in its
// constructor, rolls back in its destructor unless committed.
#ifndef MOCK_POCO_DATA_TRANSACTION_H
#define MOCK_POCO_DATA_TRANSACTION_H
#include "Poco/Data/Session.h"
#include "Poco/Types.h"
#include <string>
namespace Poco {
class Logger;
namespace Data {

class Transaction {
public:
  Transaction(Poco::Data::Session &session, Poco::Logger *pLogger = 0)
      : _rSession(session) {}
  Transaction(Poco::Data::Session &session, bool start) : _rSession(session) {}
  ~Transaction() {}

  void setIsolation(Poco::UInt32 ti) { _rSession.setTransactionIsolation(ti); }
  void execute(const std::string &sql, bool doCommit = true) {}
  void commit() {}
  void rollback() {}
  bool isActive() { return _rSession.isTransaction(); }

private:
  Transaction(const Transaction &);
  Session _rSession;
};

} // namespace Data
} // namespace Poco
#endif
