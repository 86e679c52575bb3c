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
    namespace names = ::dbrace::checks;
    Factories.registerCheck<CheckThenInsertCheck>(names::CheckThenInsert);
    Factories.registerCheck<LockWithoutTransactionCheck>(
        names::LockWithoutTransaction);
    Factories.registerCheck<ReadOutsideTransactionCheck>(
        names::ReadOutsideTransaction);
    Factories.registerCheck<SlowCallInTransactionCheck>(
        names::SlowCallInTransaction);
    Factories.registerCheck<UnlockedReadUpdateCheck>(names::UnlockedReadUpdate);
  }
};

static ClangTidyModuleRegistry::Add<DbraceModule>
    X("dbrace-module", "Read-check-write races in database access code.");

} // namespace clang::tidy::dbrace

// Referenced by the driver so that the linker keeps the registration above.
volatile int DbraceModuleAnchorSource = 0;
