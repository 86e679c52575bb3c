#include "service/transfer_service.h"

namespace transfers {

// Race: two transfers from one account both read the old balance, and the
// second write loses the first.
bool transfer(Transaction_Manager &tm, Accounts_Repository &accounts,
              long from, long to, long amount) {
  tm.begin();
  long available = accounts.balance(from);
  if (available < amount) {
    tm.rollback();
    return false;
  }
  accounts.set_balance(from, available - amount);
  tm.commit();
  return true;
}

// Safe: the source row is locked from the read on.
bool transfer_locked(Transaction_Manager &tm, Accounts_Repository &accounts,
                     long from, long to, long amount) {
  tm.begin();
  long available = accounts.balance_for_update(from);
  if (available < amount) {
    tm.rollback();
    return false;
  }
  accounts.set_balance(from, available - amount);
  tm.commit();
  return true;
}

// Safe: the UPDATE checks the balance itself.
bool pay_out(Transaction_Manager &tm, Accounts_Repository &accounts,
             long account, long amount) {
  tm.begin();
  bool paid = accounts.withdraw_if_covered(account, amount);
  tm.commit();
  return paid;
}

} // namespace transfers
