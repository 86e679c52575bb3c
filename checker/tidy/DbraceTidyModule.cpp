//===--- DbraceTidyModule.cpp - The dbrace clang-tidy module --------------===//

#include "CheckThenInsertCheck.h"
#include "LockWithoutTransactionCheck.h"
#include "ReadOutsideTransactionCheck.h"
#include "SlowCallInTransactionCheck.h"
#include "UnlockedReadUpdateCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::dbrace {

class DbraceModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<CheckThenInsertCheck>("dbrace-check-then-insert");
    Factories.registerCheck<LockWithoutTransactionCheck>(
        "dbrace-lock-without-transaction");
    Factories.registerCheck<ReadOutsideTransactionCheck>(
        "dbrace-read-outside-transaction");
    Factories.registerCheck<SlowCallInTransactionCheck>(
        "dbrace-slow-call-in-transaction");
    Factories.registerCheck<UnlockedReadUpdateCheck>(
        "dbrace-unlocked-read-update");
  }
};

static ClangTidyModuleRegistry::Add<DbraceModule>
    X("dbrace-module", "Read-check-write races in database access code.");

} // namespace clang::tidy::dbrace

// Referenced by the driver so that the linker keeps the registration above.
volatile int DbraceModuleAnchorSource = 0;
