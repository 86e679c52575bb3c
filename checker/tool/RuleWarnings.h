//===--- RuleWarnings.h - What the run showed about the user's rules ------===//
//
// A rules file that loads can still describe nothing: a name no call has,
// an argument number past every overload. The driver sees the whole run, so
// it says so once, at the end, on stderr; the exit status is unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_RULEWARNINGS_H
#define DBRACE_TOOL_RULEWARNINGS_H

#include "llvm/Support/raw_ostream.h"

namespace dbrace::tool {

/// Called before any file is analysed: the checks then leave rule warnings
/// to printRuleWarnings.
void collectRuleWarnings();

/// The warnings the analysis found, then, when \p WholeRun (every file of
/// the compilation database or command line was analysed, none failed), the
/// rules of user rules files that matched nothing.
void printRuleWarnings(llvm::raw_ostream &OS, bool WholeRun);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_RULEWARNINGS_H
