//===--- SarifReport.h - Findings as SARIF 2.1.0 --------------------------===//
//
// For code-scanning services (GitHub, GitLab, IDE viewers): one run whose
// tool lists the dbrace checks as rules; each finding a result with its
// notes as related locations, two thread flows (request A and request B)
// whose steps interleave as the race runs, or else one through the warning
// and its notes in source order (the read, the check, the write), its fix, and
// a fingerprint that survives line shifts (the baseline key). Compiler and
// configuration errors are tool execution notifications.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_SARIFREPORT_H
#define DBRACE_TOOL_SARIFREPORT_H

#include "SourcePositions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace dbrace::tool {

class TimelineSession;

struct SarifOptions {
  std::string ToolVersion;
  std::string DocsUrl; ///< helpUri is DocsUrl + "<check>.md".
  /// The findings' timelines: a finding with one has a code flow of two
  /// thread flows, request A and request B, interleaved.
  const TimelineSession *Timelines = nullptr;
};

void writeSarifReport(const std::vector<clang::tidy::ClangTidyError> &Errors,
                      SourcePositions &Sources, const SarifOptions &Options,
                      llvm::raw_ostream &OS);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_SARIFREPORT_H
