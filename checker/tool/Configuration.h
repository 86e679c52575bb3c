//===--- Configuration.h - The clang-tidy options and rules in effect -----===//
//
// The command line's options on top of `.clang-tidy` files, as clang-tidy
// merges them, and the rules files they name: each checked once, up front,
// so that a bad one is a configuration error (exit status 2) rather than a
// warning in every file and check.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CONFIGURATION_H
#define DBRACE_TOOL_CONFIGURATION_H

#include "DriverError.h"
#include "DriverOptions.h"
#include "clang-tidy/ClangTidyOptions.h"
#include <string>
#include <vector>

namespace dbrace::tool {

/// The command line's clang-tidy options: all dbrace checks unless told
/// otherwise (\p Defaults); `--checks`, `--header-filter`, `--rules` and
/// `--config` (\p Overrides), which win over `.clang-tidy` files.
void buildTidyOptions(const DriverOptions &Opts,
                      clang::tidy::ClangTidyOptions &Defaults,
                      clang::tidy::ClangTidyOptions &Overrides,
                      std::vector<DriverError> &Errors);

/// The `--rules` files: each readable, and the model they make with the
/// built-in rules valid.
void checkRules(const DriverOptions &Opts, std::vector<DriverError> &Errors);

/// `--schema` made absolute against the directory dbrace was started in.
std::vector<std::string> schemaPaths(const DriverOptions &Opts);

/// Reads the `--schema` files: a malformed one is an error naming its file
/// and line (exit status 2).
void checkSchemas(const DriverOptions &Opts, std::vector<DriverError> &Errors);

/// The rules files each `.clang-tidy` of \p Files names, checked as the
/// command line's are.
void checkConfiguredRules(const std::vector<std::string> &Files,
                          const DriverOptions &Opts,
                          const clang::tidy::ClangTidyOptions &Defaults,
                          const clang::tidy::ClangTidyOptions &Overrides,
                          std::vector<DriverError> &Errors);

/// `--list-rules`: every rules file in effect for the first file (default:
/// the current directory), with where it comes from. False, with the
/// reason on stderr, when one cannot be read.
bool listRules(const DriverOptions &Opts,
               const clang::tidy::ClangTidyOptions &Defaults,
               const clang::tidy::ClangTidyOptions &Overrides);

/// `--dump-config`, as clang-tidy's: the options in effect for the first
/// file (default: the current directory), every check's options with
/// their defaults filled in. False, with the reason on stderr, on failure.
bool dumpConfig(const DriverOptions &Opts,
                const clang::tidy::ClangTidyOptions &Defaults,
                const clang::tidy::ClangTidyOptions &Overrides);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CONFIGURATION_H
