// Mock of Wt 4's Wt/Dbo/Transaction.h. Unlike most libraries, the
// destructor commits a transaction that is still active (and rolls back
// only when unwinding from an exception).
#ifndef MOCK_WT_DBO_TRANSACTION_H
#define MOCK_WT_DBO_TRANSACTION_H
namespace Wt {
namespace Dbo {
class Session;
class Transaction {
public:
  explicit Transaction(Session &session) : session_(session) {}
  ~Transaction() noexcept(false) {}
  Transaction(const Transaction &) = delete;
  bool isActive() const { return true; }
  bool commit() { return true; }
  void rollback() {}
  Session &session() const { return session_; }

private:
  Session &session_;
};
} // namespace Dbo
} // namespace Wt
#endif
