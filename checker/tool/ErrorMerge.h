//===--- ErrorMerge.h - One list of diagnostics from many files -----------===//
//
// What clang-tidy does to the diagnostics of one run over many files, done
// after the files were analysed separately (and perhaps in parallel), so
// that `-j N` prints and fixes exactly what `-j 1` does.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_ERRORMERGE_H
#define DBRACE_TOOL_ERRORMERGE_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <vector>

namespace dbrace::tool {

/// Joins the per-file lists (in file order) into one: paths made absolute
/// against each diagnostic's build directory, sorted by file, offset, check
/// and message; a diagnostic that several files found in a shared header
/// kept once (the first file's); and fixes that overlap a fix of another
/// diagnostic refused, both of them, with a note, as clang-tidy does
/// within one file.
std::vector<clang::tidy::ClangTidyError>
mergeFileResults(std::vector<std::vector<clang::tidy::ClangTidyError>> PerFile);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_ERRORMERGE_H
