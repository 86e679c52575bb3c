//===--- TidyConfigValidation.h - .clang-tidy errors before the run -------===//
//
// clang-tidy prints a `.clang-tidy` that does not parse twice and runs with
// its defaults, ignores an option key nobody reads, and runs happily with
// every check turned off. In CI each of these hides a misconfiguration, so
// the driver looks at the configuration of every file first and refuses to
// run (exit status 2) with one line per problem, naming the file and line.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_TIDYCONFIGVALIDATION_H
#define DBRACE_TOOL_TIDYCONFIGVALIDATION_H

#include "DriverError.h"
#include "clang-tidy/ClangTidyOptions.h"
#include <string>
#include <vector>

namespace dbrace::tool {

struct TidyConfigInput {
  clang::tidy::ClangTidyOptions Defaults, Overrides;
  /// Where the Overrides' Checks came from, for messages: `--checks`
  /// or `--config`. (Only --config gives check options.)
  std::string ChecksOrigin = "--checks";
};

/// For the `.clang-tidy` files that apply to \p Files (found as clang-tidy
/// finds them) and the command line's options: files that do not parse;
/// option keys of dbrace checks that no dbrace check reads (keys of other
/// checks are left alone; an unqualified key is taken for a misspelt dbrace
/// option only when it is one edit or two away from one); and, when no
/// file has a dbrace check enabled, where the Checks that turn them off
/// come from. Empty when all is well.
std::vector<DriverError>
validateTidyConfig(const std::vector<std::string> &Files,
                   const TidyConfigInput &Input);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_TIDYCONFIGVALIDATION_H
