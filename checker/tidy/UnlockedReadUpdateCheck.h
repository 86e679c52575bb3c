//===--- UnlockedReadUpdateCheck.h - dbrace-unlocked-read-update -----------------------===//

#ifndef DBRACE_TIDY_UNLOCKED_READ_UPDATE_CHECK_H
#define DBRACE_TIDY_UNLOCKED_READ_UPDATE_CHECK_H

#include "DbraceCheck.h"

namespace clang::tidy::dbrace {

/// Finds a read whose value decides or feeds a write of the same rows, with no lock held from the read to the write.
///
/// For the user-facing documentation see:
/// docs/checks/dbrace-unlocked-read-update.md
class UnlockedReadUpdateCheck : public DbraceCheck {
public:
  using DbraceCheck::DbraceCheck;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_UNLOCKED_READ_UPDATE_CHECK_H
