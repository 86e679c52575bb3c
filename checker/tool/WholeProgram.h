//===--- WholeProgram.h - Two passes over a compilation database ----------===//
//
// Pass 1 analyses every file, collecting each function's summary as rules
// and the calls it makes to other functions of the project; the merge
// composes those calls as data (no unit is parsed again for it), the units
// in the order of their paths (as a merge of shards' first passes does),
// and writes one rules file; pass 2 analyses again, with that file loaded
// like a user rules file, only the files that call a summarised function
// another file defines: every other file's findings cannot change, so pass
// 1's stand.
// Each pass is a function of (file, rules, summaries in) to (summaries out,
// diagnostics), which the per-file cache wraps: a first-pass entry holds
// the unit's exports, and a second-pass entry is keyed by the summaries
// its file uses.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_WHOLEPROGRAM_H
#define DBRACE_TOOL_WHOLEPROGRAM_H

#include "ParallelRunner.h"
#include "ShardSummaries.h"
#include <functional>
#include <string>
#include <vector>

namespace dbrace::tool {

/// Makes the pass-2 context factory, with the summaries file to load.
using SummariesContextFactory =
    std::function<ContextFactory(const std::string &SummaryFile)>;

struct WholeProgramRun {
  std::vector<std::vector<clang::tidy::ClangTidyError>> PerFile;
  unsigned Reanalysed = 0; ///< Files pass 2 analysed again.
  std::string Error;       ///< The summaries file could not be written.
};

/// Pass 1 over \p Files: each file's diagnostics and each unit's exports,
/// in the order of \p Files, under its path relative to \p SourceRoot.
struct FirstPass {
  std::vector<std::vector<clang::tidy::ClangTidyError>> PerFile;
  std::vector<UnitSummaries> Units;
};
FirstPass runFirstPass(const clang::tooling::CompilationDatabase &Compilations,
                       const std::vector<std::string> &Files,
                       const ContextFactory &Pass1, const RunOptions &Options,
                       const std::string &SourceRoot);

/// Pass 1 over \p Files, the merge written to \p SummaryFile, and pass 2
/// where it can change a finding.
WholeProgramRun
runWholeProgram(const clang::tooling::CompilationDatabase &Compilations,
                const std::vector<std::string> &Files,
                const ContextFactory &Pass1,
                const SummariesContextFactory &Pass2, const RunOptions &Options,
                const std::string &SourceRoot, const std::string &SummaryFile);

/// \p Merged written to \p Path; false with \p Error.
bool writeMergedSummaries(const ::dbrace::MergedSummaries &Merged,
                          const std::string &Path, std::string &Error);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_WHOLEPROGRAM_H
