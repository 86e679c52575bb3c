//===--- DriverError.h - A configuration or input error of the driver -----===//
//
// Errors found before any file is analysed (a bad option, .clang-tidy,
// rules file, baseline or compilation database; a file that cannot be
// analysed). Each is one line on stderr and, with --format=json or sarif,
// an entry of the report, so a CI upload step always has a file to upload.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_DRIVERERROR_H
#define DBRACE_TOOL_DRIVERERROR_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace dbrace::tool {

struct DriverError {
  /// The report's name for the kind of error, as a check name is for a
  /// finding (never `dbrace-`: that prefix marks findings).
  enum Kind { Configuration, Input };

  Kind What = Configuration;
  std::string File;              ///< The file at fault, when there is one.
  unsigned Line = 0, Column = 0; ///< 1-based; 0 when not known.
  std::string Message;

  static DriverError configuration(std::string Message) {
    return {Configuration, "", 0, 0, std::move(Message)};
  }
  static DriverError input(std::string Message) {
    return {Input, "", 0, 0, std::move(Message)};
  }
  /// Splits the `file:line:col: error: message` (or `file: error: message`)
  /// that the rules loader and the baseline reader produce.
  static DriverError fromText(llvm::StringRef Text, Kind What = Configuration);

  /// One line for stderr: `file:line:col: error: message` when there is a
  /// place, else `dbrace: error: message`.
  std::string text() const;
  const char *kindName() const;
};

/// The errors as clang-tidy diagnostics, which the JSON and SARIF writers
/// turn into error entries and tool execution notifications. An error with
/// a line points at it; any other carries its file in the message.
std::vector<clang::tidy::ClangTidyError>
asDiagnostics(const std::vector<DriverError> &Errors);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_DRIVERERROR_H
