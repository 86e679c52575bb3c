//===--- ChangedLines.h - What `--diff` lets through ----------------------===//
//
// For pre-commit hooks and pull requests: analyse only the translation units
// a change touches and report only the findings it could have caused, those
// with the read, the check or the write (the warning or one of its notes)
// on a changed line.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CHANGEDLINES_H
#define DBRACE_TOOL_CHANGEDLINES_H

#include "SourcePositions.h"
#include "UnifiedDiff.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <string>
#include <vector>

namespace dbrace::tool {

class ChangedLines {
public:
  /// `--diff=<ref>`: `git diff <ref>` in the repository of the working
  /// directory; `--diff=-`: a unified diff on stdin, its paths relative to
  /// that repository's top (or to the working directory outside one).
  static llvm::Expected<ChangedLines> load(llvm::StringRef Ref);

  /// The files of \p Files (absolute) to analyse: those the change touches,
  /// and, when it changes a header, those that include it (after a scan of
  /// their preprocessor directives, which is much cheaper than compiling
  /// them; a file that cannot be scanned is kept).
  std::vector<std::string>
  select(const std::vector<std::string> &Files,
         const clang::tooling::CompilationDatabase &Compilations);

  /// Drops the findings with no place on a changed line; other diagnostics
  /// (compiler and configuration errors) stay. Returns how many it dropped.
  unsigned filter(std::vector<clang::tidy::ClangTidyError> &Errors,
                  SourcePositions &Sources);

private:
  ChangedLines() = default;
  bool onChangedLine(llvm::StringRef File, unsigned Offset,
                     SourcePositions &Sources);
  const std::string &canonical(llvm::StringRef Path);
  bool includesAny(const std::string &File,
                   const clang::tooling::CompilationDatabase &Compilations,
                   const llvm::StringSet<> &Headers);

  /// By canonical path: changed lines of every file the change keeps.
  std::map<std::string, std::vector<LineRange>> Lines;
  llvm::StringMap<std::string> Canonical;
};

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CHANGEDLINES_H
