//===--- HelperCalls.cpp - Summarised helpers back into events ------------===//
//
// A call of a function of the translation unit stands for the events of
// its summary, placed on the caller's connections and arguments.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"
#include "Summary.h"

using namespace clang;
using namespace dbrace;

namespace dbrace {
namespace events {

/// A member function that stores the read in its object's fields: on
/// `this`, the caller's own fields hold it; on another object, the object.
static void
addResultFields(const Expr *Call, llvm::ArrayRef<const FieldDecl *> Fields,
                llvm::SmallVectorImpl<const ValueDecl *> &ResultDecls) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  if (Fields.empty() || !MC)
    return;
  const Expr *Object = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(Object))
    ResultDecls.append(Fields.begin(), Fields.end());
  else if (const ValueDecl *D = rootDecl(Object))
    ResultDecls.push_back(D);
}

/// The caller's variables a helper stores a read's value in: the
/// arguments for its out-parameters, and its object's fields.
static void addResultArgs(const Expr *Call, llvm::ArrayRef<const Expr *> Args,
                          const SummaryEvent &S,
                          llvm::SmallVectorImpl<const ValueDecl *> &Out) {
  for (unsigned N : S.ResultParams)
    if (N < Args.size())
      if (const ValueDecl *D = rootDecl(Args[N]))
        Out.push_back(D);
  addResultFields(Call, S.ResultFields, Out);
}

/// The caller's variables passed for the helper's key parameters; none
/// when one of them is not a variable (a literal key names no variable).
static void addKeyArgs(llvm::ArrayRef<const Expr *> Args,
                       llvm::ArrayRef<unsigned> KeyParams,
                       llvm::SmallVectorImpl<const ValueDecl *> &KeyDecls) {
  llvm::SmallVector<const ValueDecl *, 2> Keys;
  for (unsigned N : KeyParams) {
    const ValueDecl *D = N < Args.size() ? keyDecl(Args[N]) : nullptr;
    if (!D)
      return;
    Keys.push_back(D);
  }
  KeyDecls.append(Keys.begin(), Keys.end());
}

/// A helper that fetches the rows of a statement its caller ran: its call
/// is where the caller's last read is looked at, or, with none before it
/// here either, this function fetches its own caller's read.
void Collector::addCallersRead(const SummaryEvent &S, const Expr *Call,
                               llvm::ArrayRef<const Expr *> Args) {
  DbEvent *Read = lastEvent(EventKind::Read);
  if (!Read) {
    DbEvent E;
    static_cast<EventEffect &>(E) = S;
    E.At = Call;
    Out.Events.push_back(std::move(E));
    Read = &Out.Events.back();
  }
  if (S.Returned || S.ResultParams.empty())
    Read->StatusCalls.push_back(Call);
  addResultArgs(Call, Args, S, Read->ResultDecls);
}

/// A call of a function of this translation unit stands for the events
/// of its summary.
void Collector::visitHelperCall(const Expr *Call, const FunctionDecl *Callee,
                                llvm::ArrayRef<const Expr *> Args,
                                bool Discarded) {
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def)
    return;
  // Asked of a recursive call too: the analysis notes the recursion.
  const FunctionSummary *Summary = Unit.Summary(Def);
  if (!Summary || Def == FD)
    return;
  for (const SummaryEvent &S : Summary->Events) {
    if (!mayHold(S.OnlyWhen, Args, Ctx))
      continue;
    if (S.CallersRead) {
      addCallersRead(S, Call, Args);
      continue;
    }
    DbEvent E;
    static_cast<EventEffect &>(E) = S;
    E.At = Call;
    if (S.Kind == EventKind::Slow)
      E.Callee = Summary->Name;
    E.Versioned = S.Protected;
    E.Origin = S.At;
    E.OriginFunction = S.Function;
    E.OwnTransaction = S.OwnTransaction;
    E.AnyTransaction = S.ViaField;
    E.CapturedGuards = S.CapturedGuards;
    addKeyArgs(Args, S.KeyParams, E.KeyDecls);
    if (S.ViaCaptured)
      E.Connection = connectionFor(S.ViaCaptured);
    else if (S.ViaParam >= 0 && static_cast<size_t>(S.ViaParam) < Args.size())
      E.Connection = connectionOfObject(Args[S.ViaParam]);
    if (S.SqlParam >= 0) {
      // The statement is the one this call passes.
      if (static_cast<size_t>(S.SqlParam) >= Args.size())
        continue;
      if (S.Returned)
        E.ResultExpr = Call;
      E.ResultUsed = S.ResultUsed && !Discarded;
      for (const auto &[Placeholder, N] : S.ParamArgs)
        if (N < Args.size())
          E.Params[Placeholder] = Args[N];
      addSqlEvents(std::move(E),
                   std::make_shared<const RecoveredSql>(
                       Resolver.resolve(Args[S.SqlParam], FD->getBody())));
      continue;
    }
    if (S.Kind == EventKind::Read) {
      // The value comes back as the call's value, or through the
      // pointer and reference arguments the helper stores it in.
      if (S.Returned || (S.ResultParams.empty() && !S.DecidesOwnWrites))
        E.ResultExpr = Call;
      addResultArgs(Call, Args, S, E.ResultDecls);
      E.DecidesOwnWrites = S.DecidesOwnWrites;
      E.DecidedAt = S.CheckAt;
      E.Checked = S.Checked;
      E.HelperFix = S.OwnFix;
      if (S.DecidesOwnWrites) {
        // The helper's SQL, for the lock clause a fix writes into it.
        E.Sql = S.Sql;
        E.Facts = S.Facts;
        E.DecidingHelper = S.Decider;
      }
    }
    Out.Events.push_back(std::move(E));
  }
}

} // namespace events
} // namespace dbrace
