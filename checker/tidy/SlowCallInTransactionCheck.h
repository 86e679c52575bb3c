//===--- SlowCallInTransactionCheck.h - dbrace-slow-call-in-transaction -----------------------===//

#ifndef DBRACE_TIDY_SLOW_CALL_IN_TRANSACTION_CHECK_H
#define DBRACE_TIDY_SLOW_CALL_IN_TRANSACTION_CHECK_H

#include "DbraceCheck.h"

namespace clang::tidy::dbrace {

/// Finds slow work (network, e-mail, sleep) while a database lock is held.
///
/// For the user-facing documentation see:
/// docs/checks/dbrace-slow-call-in-transaction.md
class SlowCallInTransactionCheck : public DbraceCheck {
public:
  using DbraceCheck::DbraceCheck;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_SLOW_CALL_IN_TRANSACTION_CHECK_H
