#ifndef TRANSFERS_SERVICE_TRANSFER_SERVICE_H
#define TRANSFERS_SERVICE_TRANSFER_SERVICE_H

#include "db/transaction_manager.h"
#include "repository/accounts_repository.h"

namespace transfers {
bool transfer(Transaction_Manager &tm, Accounts_Repository &accounts,
              long from, long to, long amount);
bool transfer_locked(Transaction_Manager &tm, Accounts_Repository &accounts,
                     long from, long to, long amount);
bool pay_out(Transaction_Manager &tm, Accounts_Repository &accounts,
             long account, long amount);
} // namespace transfers

#endif
