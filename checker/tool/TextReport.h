//===--- TextReport.h - clang-tidy's own printing and fix application -----===//
//
// The text output and `--fix` go through clang-tidy's handleErrors, so both
// front ends print the same diagnostics and apply fixes the same way:
// conflicting fixes refused ("FIX-IT not applied"), the result formatted per
// `.clang-tidy`'s FormatStyle, and each file written by clang's Rewriter
// into a temporary file renamed over the original (llvm::writeToOutput), so
// an interrupted run never leaves a half-written source file.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_TEXTREPORT_H
#define DBRACE_TOOL_TEXTREPORT_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <vector>

namespace dbrace::tool {

/// Prints \p Errors and, with \p Fix, applies their fixes. With
/// \p ToStderr the text goes to stderr: stdout then carries JSON or SARIF.
void printAndFix(const std::vector<clang::tidy::ClangTidyError> &Errors,
                 clang::tidy::ClangTidyContext &Context, bool Fix,
                 llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                 bool ToStderr);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_TEXTREPORT_H
