//===--- FixPlanner.h - Which edit removes a race -------------------------===//
//
// For a race nothing protects, the edit that makes it safe with the
// library's own means: lock the read, take the write lock at the begin
// (SQLite), begin the transaction before the read, or open one around both.
// The edits themselves are built in the other files of this folder.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_FIXES_FIXPLANNER_H
#define DBRACE_CORE_FIXES_FIXPLANNER_H

#include "../AnalyzerOptions.h"
#include "../Facts.h"
#include "../SqlText.h"
#include "../TransactionFlow.h"
#include "TransactionFixes.h"
#include "llvm/ADT/SmallSet.h"
#include <optional>

namespace dbrace::fixes {

class FixPlanner {
public:
  FixPlanner(FixSite Site, const AnalyzerOptions &Options,
             SqlTextResolver &Resolver, const TransactionFlow &Flow)
      : Site(Site), Options(Options), Resolver(Resolver), Flow(Flow) {}

  /// The plan for the race \p P between read \p R and write \p W.
  FixPlan plan(unsigned R, unsigned W, const RacePair &P);

private:
  FixPlan planHere(unsigned R, unsigned W, const RacePair &P);
  const DbEvent &event(unsigned I) const { return Site.Events.Events[I]; }
  const ConnectionState &before(unsigned I) const { return Flow.Before[I]; }

  FixOrNote lockFix(unsigned R, const ConnectionState &RS);
  std::string lockClause(const DbEvent &Read) const;
  FixOrNote immediateBeginFix(const ConnectionState &S);
  FixOrNote immediateBeginEdits(const DbEvent &Begin);
  std::optional<FixOrNote> lockInTransaction(unsigned R);
  FixOrNote openTransactionFix(unsigned R, unsigned W);
  FixOrNote moveBeginFix(unsigned R, const ConnectionState &WS);

  FixSite Site;
  const AnalyzerOptions &Options;
  SqlTextResolver &Resolver;
  const TransactionFlow &Flow;
  /// Transactions whose begin an edit already made immediate.
  llvm::SmallSet<int, 4> FixedBegins;
};

} // namespace dbrace::fixes

#endif // DBRACE_CORE_FIXES_FIXPLANNER_H
