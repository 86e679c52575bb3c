//===--- FunctionFacts.h - Races, locks and slow calls in one function ----===//

#ifndef DBRACE_CORE_FUNCTIONFACTS_H
#define DBRACE_CORE_FUNCTIONFACTS_H

#include "AnalyzerOptions.h"
#include "Events.h"
#include "Facts.h"
#include "SqlText.h"
#include "Summary.h"
#include "Timeline.h"
#include "Trace.h"
#include <vector>

namespace dbrace {

/// Who judges the races \p FD leaves to its callers (a read-check-write of
/// its own on a connection they pass): nobody but itself; the one call of
/// it in this unit, which may take its own fix-it as the call's; or
/// several calls.
enum class Callers { None, OneCallHere, Several };

/// The facts of \p FD, found from its \p Events, in no particular order;
/// fills \p Summary (its Name set) with what \p FD does for its callers.
/// Empty where the CFG cannot be built. With \p Trace, also records there
/// the state before each event and each pair considered, with its verdict.
/// With \p Sqls (the SQL of helpers' events), hands each fact's timeline to
/// the timeline sink. With \p ItsCallers, a read-check-write of its own on
/// a connection they pass is theirs to report, each call in the
/// transaction it runs in.
std::vector<Fact>
findFacts(const clang::FunctionDecl *FD, clang::ASTContext &Ctx,
          const AnalyzerOptions &Options, SqlTextResolver &Resolver,
          FunctionEvents Events, FunctionSummary &Summary,
          Callers ItsCallers = Callers::None, trace::Function *Trace = nullptr,
          const timeline::SqlByStatement *Sqls = nullptr);

} // namespace dbrace

#endif // DBRACE_CORE_FUNCTIONFACTS_H
