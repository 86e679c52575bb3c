//===--- SlowCallInTransactionCheck.h - dbrace-slow-call-in-transaction
//-----===//

#ifndef DBRACE_TIDY_SLOWCALLINTRANSACTIONCHECK_H
#define DBRACE_TIDY_SLOWCALLINTRANSACTIONCHECK_H

#include "DbraceCheck.h"

namespace clang::tidy::dbrace {

/// Finds slow work (network, e-mail, sleep) while a database lock is held.
///
/// For the user-facing documentation see:
/// docs/checks/dbrace-slow-call-in-transaction.md
class SlowCallInTransactionCheck : public DbraceCheck {
public:
  SlowCallInTransactionCheck(StringRef Name, ClangTidyContext *Ctx);

private:
  void diagnose(const ::dbrace::Fact &F) override;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_SLOWCALLINTRANSACTIONCHECK_H
