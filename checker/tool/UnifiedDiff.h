//===--- UnifiedDiff.h - The lines a unified diff changes -----------------===//
//
// `--diff` reports only findings on changed lines, so it needs, per file,
// the lines of the new version that a change added or altered. Git's
// output and plain `diff -u` are both read; nothing here touches the disk.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_UNIFIEDDIFF_H
#define DBRACE_TOOL_UNIFIEDDIFF_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace dbrace::tool {

/// Lines First..Last of the new file, 1-based, inclusive.
struct LineRange {
  unsigned First = 0, Last = 0;
  bool operator==(const LineRange &O) const {
    return First == O.First && Last == O.Last;
  }
};

struct FileChange {
  /// Paths as the diff names them, without the `a/` `b/` prefixes git adds;
  /// empty for the side that is /dev/null.
  std::string OldPath, NewPath;
  bool Added = false, Deleted = false, Renamed = false;
  /// Sorted, disjoint, not adjacent. A line added or altered counts; where
  /// lines were only deleted, the two lines now either side of the gap do.
  std::vector<LineRange> Lines;
};

/// Every file the diff \p Text changes, in diff order. A malformed hunk
/// header or a hunk cut short is an error `<Name>:<line>: error: ...`.
llvm::Expected<std::vector<FileChange>> parseUnifiedDiff(llvm::StringRef Text,
                                                         llvm::StringRef Name);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_UNIFIEDDIFF_H
