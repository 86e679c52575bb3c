//===--- RuleWarnings.cpp - What the run showed about the user's rules ----===//

#include "RuleWarnings.h"
#include "AnalysisCache.h"
#include "RuleUsage.h"

namespace dbrace::tool {

void collectRuleWarnings() { ::dbrace::setRuleWarningsReportedAtEnd(); }

void printRuleWarnings(llvm::raw_ostream &OS, bool WholeRun) {
  for (const std::string &W : ::dbrace::takeRuleWarnings())
    OS << W << "\n";
  if (!WholeRun)
    return;
  for (const std::string &W :
       ::dbrace::unmatchedUserRules(::dbrace::loadedModels()))
    OS << W << "\n";
}

} // namespace dbrace::tool
