//===--- CheckCatalog.cpp - The dbrace checks, for reports that list them -===//

#include "CheckCatalog.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace dbrace::tool {
namespace {

// The "finds" column of the README's table of checks.
std::string summaryOf(llvm::StringRef Check) {
  return llvm::StringSwitch<const char *>(Check)
      .Case("dbrace-unlocked-read-update",
            "A write decided by (or computed from) a read of the same rows, "
            "with no lock held from the read to the write")
      .Case("dbrace-read-outside-transaction",
            "The read runs before the transaction that writes begins, or in "
            "an earlier one")
      .Case("dbrace-lock-without-transaction",
            "A locking read in autocommit, where the lock ends with the "
            "statement")
      .Case("dbrace-check-then-insert",
            "\"No row yet, so INSERT\", which no row lock can protect")
      .Case("dbrace-slow-call-in-transaction",
            "Network, e-mail or sleep while a lock is held")
      .Default("");
}

} // namespace

std::vector<CheckInfo> dbraceChecks() {
  clang::tidy::ClangTidyCheckFactories Factories;
  for (const auto &Entry : clang::tidy::ClangTidyModuleRegistry::entries())
    Entry.instantiate()->addCheckFactories(Factories);
  std::vector<CheckInfo> Checks;
  for (const auto &Factory : Factories)
    if (Factory.getKey().starts_with("dbrace-"))
      Checks.push_back({Factory.getKey().str(), summaryOf(Factory.getKey())});
  llvm::sort(Checks, [](const CheckInfo &A, const CheckInfo &B) {
    return A.Name < B.Name;
  });
  return Checks;
}

} // namespace dbrace::tool
