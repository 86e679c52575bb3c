//===--- SourcePositions.h - Byte offsets as lines, columns and paths -----===//
//
// clang-tidy keeps a diagnostic as file + byte offset; JSON, SARIF and the
// baseline want lines, columns, the line's text and a path relative to the
// project, read from the files as they are on disk after the analysis.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_SOURCEPOSITIONS_H
#define DBRACE_TOOL_SOURCEPOSITIONS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <string>

namespace dbrace::tool {

struct Position {
  unsigned Line = 0;       ///< 1-based; 0 when the file cannot be read.
  unsigned Column = 0;     ///< 1-based, in bytes, as clang prints it.
  unsigned CharColumn = 0; ///< 1-based, in Unicode code points, for SARIF.
};

class SourcePositions {
public:
  /// \p Root is absolute: paths below it are shown relative to it.
  explicit SourcePositions(std::string Root) : Root(std::move(Root)) {}

  Position position(llvm::StringRef File, unsigned Offset);
  /// The text of the line holding \p Offset, without its line break.
  llvm::StringRef lineText(llvm::StringRef File, unsigned Offset);
  /// The file's bytes as on disk; empty when it cannot be read.
  llvm::StringRef contents(llvm::StringRef File) { return text(File); }
  /// Relative to the root with '/' separators when below it, else as is.
  std::string displayPath(llvm::StringRef File) const;
  /// Whether displayPath() is relative to the root.
  bool isBelowRoot(llvm::StringRef File) const;
  const std::string &root() const { return Root; }

private:
  llvm::StringRef text(llvm::StringRef File);

  std::string Root;
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Files;
};

} // namespace dbrace::tool

#endif // DBRACE_TOOL_SOURCEPOSITIONS_H
