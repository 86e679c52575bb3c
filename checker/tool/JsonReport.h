//===--- JsonReport.h - Findings as a JSON array --------------------------===//
//
// For scripts: one object per diagnostic with its check, level, place,
// message, notes and fix replacements, every place with file (relative to
// the source root), line and column (1-based, bytes, as in the text output),
// and for findings a fingerprint that survives line shifts.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_JSONREPORT_H
#define DBRACE_TOOL_JSONREPORT_H

#include "SourcePositions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace dbrace::tool {

class TimelineSession;

/// With \p Timelines, a finding that has one carries it as `timeline`.
void writeJsonReport(const std::vector<clang::tidy::ClangTidyError> &Errors,
                     SourcePositions &Sources, llvm::raw_ostream &OS,
                     const TimelineSession *Timelines = nullptr);

/// Writes diagnostics already in the report's shape (as `dbrace merge`
/// reads them back), with each object's keys in the report's order.
void writeJsonDiagnostics(const llvm::json::Array &Diagnostics,
                          llvm::raw_ostream &OS);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_JSONREPORT_H
