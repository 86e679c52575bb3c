//===--- LockWithoutTransactionCheck.h - dbrace-lock-without-transaction
//----===//

#ifndef DBRACE_TIDY_LOCKWITHOUTTRANSACTIONCHECK_H
#define DBRACE_TIDY_LOCKWITHOUTTRANSACTIONCHECK_H

#include "DbraceCheck.h"

namespace clang::tidy::dbrace {

/// Finds a locking read in autocommit, where the lock ends with the statement.
///
/// For the user-facing documentation see:
/// docs/checks/dbrace-lock-without-transaction.md
class LockWithoutTransactionCheck : public DbraceCheck {
public:
  LockWithoutTransactionCheck(StringRef Name, ClangTidyContext *Ctx);

private:
  void diagnose(const ::dbrace::Fact &F) override;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_LOCKWITHOUTTRANSACTIONCHECK_H
