//===--- UnlockedReadUpdateCheck.h - dbrace-unlocked-read-update
//------------===//

#ifndef DBRACE_TIDY_UNLOCKEDREADUPDATECHECK_H
#define DBRACE_TIDY_UNLOCKEDREADUPDATECHECK_H

#include "DbraceCheck.h"

namespace clang::tidy::dbrace {

/// Finds a read whose value decides or feeds a write of the same rows, with no
/// lock held from the read to the write.
///
/// For the user-facing documentation see:
/// docs/checks/dbrace-unlocked-read-update.md
class UnlockedReadUpdateCheck : public DbraceCheck {
public:
  UnlockedReadUpdateCheck(StringRef Name, ClangTidyContext *Ctx);

private:
  void diagnose(const ::dbrace::Fact &F) override;
  void diagnoseSharedLock(const ::dbrace::RacePair &P);
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_UNLOCKEDREADUPDATECHECK_H
