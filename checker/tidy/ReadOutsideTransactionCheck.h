//===--- ReadOutsideTransactionCheck.h - dbrace-read-outside-transaction -----------------------===//

#ifndef DBRACE_TIDY_READ_OUTSIDE_TRANSACTION_CHECK_H
#define DBRACE_TIDY_READ_OUTSIDE_TRANSACTION_CHECK_H

#include "DbraceCheck.h"

namespace clang::tidy::dbrace {

/// Finds a read made before the transaction that writes the same rows begins, or in an earlier transaction.
///
/// For the user-facing documentation see:
/// docs/checks/dbrace-read-outside-transaction.md
class ReadOutsideTransactionCheck : public DbraceCheck {
public:
  using DbraceCheck::DbraceCheck;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_READ_OUTSIDE_TRANSACTION_CHECK_H
