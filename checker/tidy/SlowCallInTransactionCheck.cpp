//===--- SlowCallInTransactionCheck.cpp - dbrace-slow-call-in-transaction -===//

#include "SlowCallInTransactionCheck.h"

namespace clang::tidy::dbrace {

SlowCallInTransactionCheck::SlowCallInTransactionCheck(StringRef Name,
                                                       ClangTidyContext *Ctx)
    : DbraceCheck(Name, Ctx, SlowCallsOption) {}

void SlowCallInTransactionCheck::diagnose(const ::dbrace::Fact &F) {
  const auto *S = std::get_if<::dbrace::SlowCallUnderLock>(&F);
  if (!S)
    return;
  diag(S->At, "slow call to '%0' while a lock is held; every request "
              "waiting for the lock waits for this call too")
      << S->Callee;
  if (S->InHelper)
    diag(*S->InHelper, "which makes a slow call here", DiagnosticIDs::Note);
  diag(S->LockAt, "the lock is taken here", DiagnosticIDs::Note);
}

} // namespace clang::tidy::dbrace
