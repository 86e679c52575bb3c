//===--- CompilationSetup.h - Which files, compiled how -------------------===//
//
// clang-tidy falls back to "running without flags" when it finds no
// compilation database, and skips a file it has no command for with a
// message and status 0; in CI both silently check nothing useful, so the
// driver refuses instead (exit status 2), naming the file and the problem.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_COMPILATIONSETUP_H
#define DBRACE_TOOL_COMPILATIONSETUP_H

#include "DriverError.h"
#include "DriverOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <optional>
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
/// database), each a regular file with a compile command. Null
/// Compilations, with the reasons in \p Errors, when any of that fails.
CompilationSetup loadCompilations(DriverOptions &Opts,
                                  std::vector<DriverError> &Errors);

/// For a `.h` file compiled as C (no -std=c++NN, -x or C++ driver among its
/// arguments), what to pass to have it analysed as C++.
std::optional<std::string>
headerLanguageHint(const clang::tooling::CompilationDatabase &Compilations,
                   llvm::StringRef File);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_COMPILATIONSETUP_H
