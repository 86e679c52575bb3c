//===--- RuleUsage.h - Which rules matched, and what was wrong with them --===//
//
// A rules file can be valid and still describe nothing: a name spelt in a
// way no call has, an argument number past the end of the function. Both
// show only when code is analysed, inside clang-tidy's engine, so what the
// checks learn is kept here, process-wide, for the front end that owns the
// end of the run.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_RULEUSAGE_H
#define DBRACE_CORE_RULEUSAGE_H

#include "ApiModel.h"
#include <string>
#include <vector>

namespace dbrace {

/// \p Rule of \p Library matched a call (or \p Type a class) somewhere.
void noteRuleMatched(const LibraryRules &Library, unsigned Line);

/// The rule at \p Place (`file:line`) matched.
void noteRuleMatchedAt(llvm::StringRef Place);

/// A problem with a rule found while matching it: one line,
/// `file:line: warning: ...`. Kept once, however often it is found.
void noteRuleWarning(std::string Text);

/// The rule warnings not taken yet (each is handed out once per process).
std::vector<std::string> takeRuleWarnings();

/// The driver prints rule warnings at the end of its run; the checks then
/// leave them to it instead of reporting them per file.
void setRuleWarningsReportedAtEnd();
bool ruleWarningsReportedAtEnd();

/// One warning per rule of a user's rules file in \p Models that matched no
/// call or class in the whole process: `file:line: warning: ...`. Built-in
/// rules are left out: most describe libraries a program does not use.
std::vector<std::string>
unmatchedUserRules(const std::vector<const ApiModel *> &Models);

} // namespace dbrace

#endif // DBRACE_CORE_RULEUSAGE_H
