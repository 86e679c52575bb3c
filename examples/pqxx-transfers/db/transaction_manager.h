// Owns the session: statements run through it, inside a transaction once
// begin() was called.
#ifndef TRANSFERS_DB_TRANSACTION_MANAGER_H
#define TRANSFERS_DB_TRANSACTION_MANAGER_H

#include "db/sql.h"
#include <pqxx/pqxx>

namespace transfers {

class Transaction_Manager {
public:
  explicit Transaction_Manager(pqxx::connection &connection);

  void begin();
  void commit();
  void rollback();

  /// Runs \p sql with \p first bound to $1.
  pqxx::result exec_1(Sql sql, long first);
  /// Runs \p sql with \p first and \p second bound to $1 and $2.
  pqxx::result exec_2(Sql sql, long first, long second);

private:
  pqxx::nontransaction session;
};

} // namespace transfers

#endif
