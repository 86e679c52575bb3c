#pragma once
#include <SQLiteCpp/Exception.h>

namespace SQLite {

class Database;

// Since SQLiteC++ 3.2.0 (Debian bookworm ships 3.2.1).
enum class TransactionBehavior {
  DEFERRED,
  IMMEDIATE,
  EXCLUSIVE,
};

class Transaction {
public:
  explicit Transaction(Database &aDatabase);
  explicit Transaction(Database &aDatabase, TransactionBehavior behavior);
  Transaction(const Transaction &) = delete;
  Transaction &operator=(const Transaction &) = delete;
  ~Transaction();
  void commit();

private:
  Database &mDatabase;
  bool mbCommited = false;
};

} // namespace SQLite
