//===--- Finding.h - One diagnosis: a warning, its notes and fix-its ------===//

#ifndef DBRACE_CORE_FINDING_H
#define DBRACE_CORE_FINDING_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace dbrace {

struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
};

struct Finding {
  std::string Check; ///< `dbrace-unlocked-read-update`
  clang::SourceLocation Loc;
  std::string Message;
  std::vector<FindingNote> Notes;
  std::vector<clang::FixItHint> Fixes;
  /// Headers the fix-its need, `<name>` or `"name"`, for the front end to
  /// include in the file they edit.
  std::vector<std::string> Headers;
};

} // namespace dbrace

#endif // DBRACE_CORE_FINDING_H
