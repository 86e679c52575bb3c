//===--- CompilationSetup.h - Which files, compiled how -------------------===//
//
// clang-tidy falls back to "running without flags" when it finds no
// compilation database; in CI that silently checks nothing useful, so the
// driver refuses instead (exit status 2).
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_COMPILATIONSETUP_H
#define DBRACE_TOOL_COMPILATIONSETUP_H

#include "DriverOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <string>
#include <vector>

namespace dbrace::tool {

struct CompilationSetup {
  std::unique_ptr<clang::tooling::CompilationDatabase> Compilations;
  /// Absolute, sorted, without duplicates: the order of every report.
  std::vector<std::string> Files;
};

/// The compilation database (from `--`, `-p`, or found beside the first
/// file) and the files to check (as given, or every file of `-p`'s
/// database). Null Compilations with \p Error set when there is none.
CompilationSetup loadCompilations(DriverOptions &Opts, std::string &Error);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_COMPILATIONSETUP_H
