// Mock of ODB 2.4's odb/transaction.hxx: `odb::transaction t(db.begin());`
// rolls back in its destructor unless committed.
#ifndef MOCK_ODB_TRANSACTION_HXX
#define MOCK_ODB_TRANSACTION_HXX
#include "odb/forward.hxx"
namespace odb {
class transaction_impl {
public:
  virtual ~transaction_impl() {}
};

class transaction {
public:
  explicit transaction(transaction_impl *impl, bool make_current = true) {}
  transaction(const transaction &) = delete;
  ~transaction() {}
  void reset(transaction_impl *impl, bool make_current = true) {}
  void commit() {}
  void rollback() {}
  bool finalized() const { return false; }
  static transaction &current();
  static bool has_current() { return false; }
};
} // namespace odb
#endif
