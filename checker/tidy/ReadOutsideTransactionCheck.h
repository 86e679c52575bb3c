//===--- ReadOutsideTransactionCheck.h - dbrace-read-outside-transaction
//----===//

#ifndef DBRACE_TIDY_READOUTSIDETRANSACTIONCHECK_H
#define DBRACE_TIDY_READOUTSIDETRANSACTIONCHECK_H

#include "DbraceCheck.h"

namespace clang::tidy::dbrace {

/// Finds a read made before the transaction that writes the same rows begins,
/// or in an earlier transaction.
///
/// For the user-facing documentation see:
/// docs/checks/dbrace-read-outside-transaction.md
class ReadOutsideTransactionCheck : public DbraceCheck {
public:
  ReadOutsideTransactionCheck(StringRef Name, ClangTidyContext *Ctx);

private:
  void diagnose(const ::dbrace::Fact &F) override;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_READOUTSIDETRANSACTIONCHECK_H
