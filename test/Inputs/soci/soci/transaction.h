#ifndef SOCI_TRANSACTION_H_INCLUDED
#define SOCI_TRANSACTION_H_INCLUDED
#include "soci/session.h"

namespace soci {

// Calls sql.begin(); the destructor rolls back unless committed.
class transaction {
public:
  explicit transaction(session &sql);
  ~transaction();
  void commit();
  void rollback();

private:
  transaction(transaction const &);
  transaction &operator=(transaction const &);
  bool handled_;
  session &sql_;
};

} // namespace soci
#endif
