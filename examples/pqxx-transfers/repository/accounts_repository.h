#ifndef TRANSFERS_REPOSITORY_ACCOUNTS_REPOSITORY_H
#define TRANSFERS_REPOSITORY_ACCOUNTS_REPOSITORY_H

#include "db/transaction_manager.h"

namespace transfers {

class Accounts_Repository {
public:
  explicit Accounts_Repository(Transaction_Manager &tm) : tm(tm) {}

  long balance(long account);
  /// The balance, the account's row locked until the transaction ends.
  long balance_for_update(long account);
  void set_balance(long account, long amount);
  /// Withdraws only what the balance covers; false if it did not.
  bool withdraw_if_covered(long account, long amount);

private:
  Transaction_Manager &tm;
};

} // namespace transfers

#endif
