//===--- FixPlanner.cpp - Which edit removes a race -----------------------===//

#include "FixPlanner.h"
#include "Headers.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace dbrace::fixes {

namespace {
FixPlan planOf(FixOrNote Fix) {
  FixPlan Plan;
  Plan.Edits = std::move(Fix.Fixes);
  if (!Plan.Edits.empty())
    Plan.Headers = std::move(Fix.Headers);
  else if (Fix.Advice.What != FixAdvice::Kind::None) {
    Plan.Advice = std::move(Fix.Advice);
    Plan.Blockers = std::move(Fix.MoreNotes);
  }
  return Plan;
}

/// Whether the transaction the library's `begin_statement` opens locks
/// rows that do not exist yet: it spells the library's own immediate mode
/// (SQLite's `BEGIN IMMEDIATE`, a transaction object's immediate argument).
bool beginCoversNewRows(const DbEvent &Read) {
  if (!Read.Library)
    return false;
  const FixTemplates &T = Read.Library->Fixes;
  llvm::StringRef Begin = T.BeginStatement;
  return (!T.ImmediateBegin.empty() && Begin.contains(T.ImmediateBegin)) ||
         (!T.ImmediateTransactionArg.empty() &&
          Begin.contains(T.ImmediateTransactionArg));
}

/// Whether \p Text, in dialect \p D, begins a transaction that takes the
/// write lock at once: the rules' `immediate_begin` is written only into
/// SQL that runs on such a database (SQLite, not a server behind the same
/// library).
bool beginsImmediatelyIn(llvm::StringRef Text, sqlfacts::Dialect D) {
  const sqlfacts::SqlFacts &Facts = sqlfacts::analyzeSql(Text, D);
  return Facts.ParseError.empty() && Facts.Statements.size() == 1 &&
         Facts.Statements[0].Kind == sqlfacts::StatementKind::Begin &&
         (Facts.Statements[0].Mode == sqlfacts::BeginMode::Immediate ||
          Facts.Statements[0].Mode == sqlfacts::BeginMode::Exclusive);
}

/// \p Fix with the headers that \p Parts, edits it includes, need.
FixOrNote withHeadersOf(FixOrNote Fix,
                        std::initializer_list<const FixOrNote *> Parts) {
  if (Fix.Fixes.empty())
    return Fix;
  for (const FixOrNote *Part : Parts)
    for (const std::string &H : Part->Headers)
      if (!llvm::is_contained(Fix.Headers, H))
        Fix.Headers.push_back(H);
  return Fix;
}
} // namespace

FixPlan FixPlanner::plan(unsigned R, unsigned W, const RacePair &P) {
  FixPlan Plan = planHere(R, W, P);
  // A helper's race left to its one caller, which has no transaction: where
  // none fits around the call, the helper's own fix does.
  const DbEvent &Read = event(R);
  if (Plan.Edits.empty() && Read.HelperFix && Read.At == event(W).At &&
      P.Relation == TransactionRelation::None)
    return *Read.HelperFix;
  return Plan;
}

FixPlan FixPlanner::planHere(unsigned R, unsigned W, const RacePair &P) {
  const ConnectionState &RS = before(R), &WS = before(W);
  using TR = TransactionRelation;
  // A statement queued to run later, on another connection: no lock or
  // transaction of this function's can cover it.
  if (event(R).RunsLater || event(W).RunsLater)
    return {};
  if (P.Shape == WriteShape::Insert) {
    if (P.Relation == TR::SameTransaction)
      return planOf(immediateBeginFix(RS));
    // A row lock cannot cover the row to be inserted; a transaction that
    // locks the database can, where the library's begin opens one.
    if (P.Relation == TR::None && RS.runsAlone() && WS.runsAlone() &&
        event(R).Connection == 0 && beginCoversNewRows(event(R)))
      return planOf(openTransaction(Site, event(R), event(W), {}));
    return {};
  }
  if (locksRows(P.ReadLock)) {
    // The lock outlives the statement only in a transaction that also runs
    // the write.
    if ((P.Relation == TR::None || P.Relation == TR::ReadBeforeBegin) &&
        WS.runsAlone())
      return planOf(openTransaction(Site, event(R), event(W), {}));
    return {};
  }
  switch (P.Relation) {
  case TR::SameTransaction:
    return planOf(lockFix(R, RS));
  case TR::ReadBeforeBegin:
    return planOf(moveBeginFix(R, WS));
  case TR::None:
    return planOf(openTransactionFix(R, W));
  default:
    return {};
  }
}

/// Locks the read: with the dialect's lock clause, or where the dialect has
/// none (SQLite), by making the transaction take the write lock.
FixOrNote FixPlanner::lockFix(unsigned R, const ConnectionState &RS) {
  const DbEvent &Read = event(R);
  std::string Clause = lockClause(Read);
  if (Clause.empty())
    return immediateBeginFix(RS);
  // A second clause beside a weaker one would not be valid in every
  // dialect: the check says what to write instead.
  if (!Read.Sql || !Read.Facts || !Read.Facts->LockClauseAllowed ||
      !Read.Facts->Certain || Read.Lock != sqlfacts::LockStrength::None)
    return {};
  if (auto Fix = Resolver.insertAt(*Read.Sql, Read.Facts->LockInsertOffset,
                                   " " + Clause))
    return {{*Fix}};
  return {};
}

/// The configured clause where the read's dialect has it, else the rules'.
/// Where its connection may run on several databases, only a clause each
/// of them has.
std::string FixPlanner::lockClause(const DbEvent &Read) const {
  sqlfacts::Dialect D = dialectOf(Read, Options);
  auto Everywhere = [&](const std::string &Clause, auto Valid) {
    return Valid(Clause, D) && llvm::all_of(Read.RunsIn, [&](auto Other) {
             return Valid(Clause, Other);
           });
  };
  if (!Options.LockClause.empty() &&
      Everywhere(Options.LockClause, sqlfacts::isWaitingLockClause))
    return Options.LockClause;
  if (!Read.Library)
    return "";
  // The rules' clause is their dialect's; SQL the code runs on another
  // database (SQLite behind a run-time choice) may have none.
  const std::string &Clause = Read.Library->Fixes.LockClause;
  return Clause.empty() || Everywhere(Clause, sqlfacts::isLockClause) ? Clause
                                                                      : "";
}

/// `BEGIN` becomes `BEGIN IMMEDIATE`; a transaction object without a mode
/// gains the library's immediate-mode argument.
FixOrNote FixPlanner::immediateBeginFix(const ConnectionState &S) {
  // One fix per transaction: the same edit on two warnings would be refused
  // as a conflict.
  if (S.Tx < 0 || !FixedBegins.insert(S.Tx).second)
    return {};
  return immediateBeginEdits(event(S.Tx));
}

FixOrNote FixPlanner::immediateBeginEdits(const DbEvent &Begin) {
  if (!Begin.Library)
    return {};
  const FixTemplates &Fixes = Begin.Library->Fixes;
  if (Begin.Sql && Begin.Facts && !Fixes.ImmediateBegin.empty()) {
    if (!beginsImmediatelyIn(Fixes.ImmediateBegin, dialectOf(Begin, Options)) ||
        !llvm::all_of(Begin.RunsIn, [&](sqlfacts::Dialect D) {
          return beginsImmediatelyIn(Fixes.ImmediateBegin, D);
        }))
      return {};
    if (auto Fix =
            Resolver.replaceRange(*Begin.Sql, Begin.Facts->Begin,
                                  Begin.Facts->End, Fixes.ImmediateBegin))
      return {{*Fix}};
    return {};
  }
  if (auto Fix = immediateModeArgument(dyn_cast<CXXConstructExpr>(Begin.At),
                                       Begin.Type,
                                       Fixes.ImmediateTransactionArg, Site.Ctx))
    return {{*Fix},
            headerFor(Fixes.ImmediateTransactionArg,
                      Fixes.Headers.ImmediateTransactionArg,
                      Fix->RemoveRange.getBegin(), Site.Ctx)};
  return {};
}

/// The read's lock inside a transaction that will hold it: none needed where
/// the library's transaction itself locks (no lock clause).
std::optional<FixOrNote> FixPlanner::lockInTransaction(unsigned R) {
  if (lockClause(event(R)).empty())
    return FixOrNote();
  FixOrNote Lock = lockFix(R, before(R));
  if (Lock.Fixes.empty())
    return std::nullopt;
  return Lock;
}

FixOrNote FixPlanner::openTransactionFix(unsigned R, unsigned W) {
  // Without a lock clause the transaction must lock by itself: one the
  // library begins deferred (an SQLite connection behind a run-time
  // choice) would leave the read unlocked.
  if (lockClause(event(R)).empty() && !beginCoversNewRows(event(R)))
    return {};
  std::optional<FixOrNote> Lock = lockInTransaction(R);
  if (!Lock)
    return {};
  return withHeadersOf(openTransaction(Site, event(R), event(W), Lock->Fixes),
                       {&*Lock});
}

FixOrNote FixPlanner::moveBeginFix(unsigned R, const ConnectionState &WS) {
  std::optional<FixOrNote> Lock = lockInTransaction(R);
  if (WS.Tx < 0 || !Lock)
    return {};
  const DbEvent &Begin = event(WS.Tx);
  FixOrNote LockBegin;
  if (lockClause(event(R)).empty() && !Begin.CoversNewRows) {
    LockBegin = immediateBeginEdits(Begin);
    if (LockBegin.Fixes.empty())
      return {};
  }
  return withHeadersOf(
      moveBeginAboveRead(Site, event(R), Begin, Lock->Fixes, LockBegin.Fixes),
      {&*Lock, &LockBegin});
}

} // namespace dbrace::fixes
