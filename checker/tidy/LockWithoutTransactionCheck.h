//===--- LockWithoutTransactionCheck.h - dbrace-lock-without-transaction -----------------------===//

#ifndef DBRACE_TIDY_LOCK_WITHOUT_TRANSACTION_CHECK_H
#define DBRACE_TIDY_LOCK_WITHOUT_TRANSACTION_CHECK_H

#include "DbraceCheck.h"

namespace clang::tidy::dbrace {

/// Finds a locking read in autocommit, where the lock ends with the statement.
///
/// For the user-facing documentation see:
/// docs/checks/dbrace-lock-without-transaction.md
class LockWithoutTransactionCheck : public DbraceCheck {
public:
  using DbraceCheck::DbraceCheck;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_LOCK_WITHOUT_TRANSACTION_CHECK_H
