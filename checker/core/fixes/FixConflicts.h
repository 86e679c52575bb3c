//===--- FixConflicts.h - No two findings edit the same text --------------===//
//
// clang-tidy refuses both of two fix-its that overlap, and applies both of
// two insertions at one place, in either order. Findings are therefore
// admitted one by one: one whose edits would meet an earlier one's loses its
// fix-its, so that `--fix` applies each edit once and a second `--fix` finds
// nothing left to do. An edit the same as one admitted before (two callers'
// fixes lock the one read of a helper) is left to the earlier finding; the
// rest of the later fix stands.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_FIXES_FIXCONFLICTS_H
#define DBRACE_CORE_FIXES_FIXCONFLICTS_H

#include "SourceEdits.h"
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace dbrace::fixes {

class FixLedger {
public:
  /// Keeps \p Edits when none meets an edit admitted before (or another
  /// of its own), else drops them all; drops an edit admitted before.
  void admit(std::vector<clang::FixItHint> &Edits,
             const clang::ASTContext &Ctx);

private:
  bool meetsTaken(const EditSpan &S) const;
  void take(const EditSpan &S);

  // Indexed by position, so that a file with many findings costs
  // log n per edit rather than a scan of every edit before it. Replaced
  // ranges never overlap once admitted, so only the nearest can meet a new
  // edit.
  using Position = std::pair<clang::FileID, unsigned>;
  std::set<Position> Insertions;
  std::map<Position, unsigned> ReplacementEnds;
  std::map<std::tuple<clang::FileID, unsigned, unsigned>, std::string> Texts;
};

} // namespace dbrace::fixes

#endif // DBRACE_CORE_FIXES_FIXCONFLICTS_H
