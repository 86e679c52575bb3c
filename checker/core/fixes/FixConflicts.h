//===--- FixConflicts.h - No two findings edit the same text --------------===//
//
// clang-tidy refuses both of two fix-its that overlap, and applies both of
// two insertions at one place, in either order. Findings are therefore
// admitted one by one: one whose edits would meet an earlier one's loses its
// fix-its, so that `--fix` applies each edit once and a second `--fix` finds
// nothing left to do.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_FIXES_FIXCONFLICTS_H
#define DBRACE_CORE_FIXES_FIXCONFLICTS_H

#include "../Finding.h"
#include "SourceEdits.h"
#include <vector>

namespace dbrace::fixes {

class FixLedger {
public:
  /// Keeps \p F's fix-its when none meets an edit admitted before (or
  /// another of its own), else drops them all.
  void admit(Finding &F, const clang::ASTContext &Ctx);

private:
  std::vector<EditSpan> Taken;
};

} // namespace dbrace::fixes

#endif // DBRACE_CORE_FIXES_FIXCONFLICTS_H
