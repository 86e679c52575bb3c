//===--- CheckThenInsertCheck.h - dbrace-check-then-insert
//------------------===//

#ifndef DBRACE_TIDY_CHECKTHENINSERTCHECK_H
#define DBRACE_TIDY_CHECKTHENINSERTCHECK_H

#include "DbraceCheck.h"

namespace clang::tidy::dbrace {

/// Finds an existence or count check that decides an insert into the same
/// table.
///
/// For the user-facing documentation see:
/// docs/checks/dbrace-check-then-insert.md
class CheckThenInsertCheck : public DbraceCheck {
public:
  CheckThenInsertCheck(StringRef Name, ClangTidyContext *Ctx);

private:
  void diagnose(const ::dbrace::Fact &F) override;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_CHECKTHENINSERTCHECK_H
