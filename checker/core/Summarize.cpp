//===--- Summarize.cpp - What a function does for its callers -------------===//

#include "Summarize.h"
#include "AstNames.h"
#include "Facts.h"
#include "sql/Rechecks.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtVisitor.h"
#include "llvm/ADT/SmallBitVector.h"

using namespace clang;

namespace dbrace {

namespace {

/// The enclosing function's variables a lambda's expression uses.
template <typename Fn> void forEachCapture(const Stmt *S, Fn &&F) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
      Ref && Ref->refersToEnclosingVariableOrCapture())
    F(Ref->getDecl());
  for (const Stmt *Child : S->children())
    forEachCapture(Child, F);
}

template <typename Fn> void forEachReturn(const Stmt *S, Fn &&F) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Ret = dyn_cast<ReturnStmt>(S))
    F(Ret);
  for (const Stmt *Child : S->children())
    forEachReturn(Child, F);
}

class Summariser {
public:
  Summariser(const FunctionDecl *FD, const FunctionEvents &Events,
             const TransactionFlow &Flow, const ReadTaint &Taint,
             llvm::ArrayRef<llvm::SmallVector<const Expr *, 2>> Guards,
             const PendingReads &Pending)
      : FD(FD), Events(Events), Flow(Flow), Taint(Taint), Guards(Guards),
        Pending(Pending), Returned(Events.Events.size()) {
    forEachReturn(FD->getBody(), [&](const ReturnStmt *Ret) {
      Returned |= Taint.of(Ret->getRetValue());
    });
    findOutParameters();
  }

  void run(FunctionSummary &Summary) {
    for (unsigned I = 0; I < Events.Events.size(); ++I) {
      if (!Flow.Reached[I])
        continue;
      SummaryEvent S = common(I, Summary.Name);
      if (Events.Events[I].SqlParam >= 0) {
        sqlFromCaller(I, S);
      } else if (!kindSpecific(I, S)) {
        if (throughOwnField(I))
          Summary.ObjectTransaction.push_back(std::move(S));
        continue;
      }
      Summary.Events.push_back(std::move(S));
    }
  }

private:
  /// Pointer and non-const reference parameters other than handles: the
  /// caller's variables the function stores a read's value in; and, for a
  /// member function, the fields of its object.
  void findOutParameters() {
    for (const ParmVarDecl *P : FD->parameters()) {
      if (isOutParameterType(P->getType()) &&
          !llvm::is_contained(Events.ConnectionDecls, P))
        Stored.emplace_back(P->getFunctionScopeIndex(), Taint.storedInto(P));
    }
    const auto *Method = dyn_cast<CXXMethodDecl>(FD);
    if (!Method || Method->isStatic())
      return;
    for (const FieldDecl *F : Method->getParent()->fields())
      if (!llvm::is_contained(Events.ConnectionDecls, F))
        if (llvm::SmallBitVector Bits = Taint.storedInto(F); Bits.any())
          StoredFields.emplace_back(F, std::move(Bits));
  }

  /// What every kind of event carries: what it does and what it runs on.
  SummaryEvent common(unsigned I, const std::string &Name) const {
    const DbEvent &E = Events.Events[I];
    SummaryEvent S;
    static_cast<EventEffect &>(S) = E;
    S.OwnTransaction = Flow.Before[I].Tx >= 0 || E.OwnTransaction;
    S.At = E.Origin ? E.Origin : E.At;
    S.Function = E.Origin ? E.OriginFunction : Name;
    const ValueDecl *Via = Events.ConnectionDecls[E.Connection];
    if (Via && isa<VarDecl>(Via) && Via->getDeclContext() != FD)
      S.ViaCaptured = Via;
    else if (const auto *P = dyn_cast_or_null<ParmVarDecl>(Via))
      S.ViaParam = P->getFunctionScopeIndex();
    S.ViaField = isa_and_nonnull<FieldDecl>(Via) || E.AnyTransaction;
    S.KeyParams = keyParams(E);
    S.FromHelper = E.Origin != nullptr;
    S.Sql = E.Sql;
    S.Params = E.Params;
    if (!Parents)
      Parents.emplace(FD->getBody());
    S.OnlyWhen = argumentConditions(FD, E.At, *Parents, FD->getASTContext());
    return S;
  }

  std::vector<unsigned> keyParams(const DbEvent &E) const {
    std::vector<unsigned> Params;
    for (const ValueDecl *K : E.KeyDecls) {
      const auto *P = dyn_cast<ParmVarDecl>(K);
      if (!P || P->getDeclContext() != FD)
        return {};
      Params.push_back(P->getFunctionScopeIndex());
    }
    return Params;
  }

  /// SQL the caller passes in: its text decides what the event is.
  void sqlFromCaller(unsigned I, SummaryEvent &S) const {
    const DbEvent &E = Events.Events[I];
    S.SqlParam = E.SqlParam;
    S.Returned = Returned.test(I);
    S.ResultUsed = E.ResultUsed;
    for (const auto &[Placeholder, Value] : E.Params)
      if (const auto *P = dyn_cast_or_null<ParmVarDecl>(rootDecl(Value));
          P && P->getDeclContext() == FD &&
          isa<DeclRefExpr>(stripWrappers(Value)))
        S.ParamArgs.push_back({Placeholder, P->getFunctionScopeIndex()});
  }

  /// Fills in what the caller needs of this kind; false when the event
  /// does not act in the caller's context.
  bool kindSpecific(unsigned I, SummaryEvent &S) const {
    const DbEvent &E = Events.Events[I];
    switch (E.Kind) {
    case EventKind::Read:
      S.Returned = Returned.test(I);
      for (const auto &[Param, Bits] : Stored)
        if (Bits.test(I))
          S.ResultParams.push_back(Param);
      for (const auto &[Field, Bits] : StoredFields)
        if (Bits.test(I))
          S.ResultFields.push_back(Field);
      if (auto It = Pending.find(I); It != Pending.end()) {
        S.DecidesOwnWrites = true;
        S.Decider = E.DecidingHelper ? E.DecidingHelper : FD;
        S.CheckAt = It->second.Check;
        S.Checked = It->second.Checked;
        S.Facts = E.Facts;
        S.OwnFix = It->second.OwnFix;
      }
      return S.DecidesOwnWrites || S.Returned || !S.ResultParams.empty() ||
             !S.ResultFields.empty() ||
             (locksRows(E.Lock) && !S.OwnTransaction);
    case EventKind::Write:
      // The read that decides it is the caller's, unknown here.
      S.Protected = E.Versioned || (E.Facts && E.ResultUsed &&
                                    sqlfacts::rechecks(nullptr, *E.Facts));
      S.CapturedGuards = E.CapturedGuards;
      for (const Expr *Cond : Guards[I])
        forEachCapture(Cond, [&](const ValueDecl *D) {
          S.CapturedGuards.push_back({D, Cond});
        });
      return true;
    case EventKind::Lock:
      return !S.OwnTransaction;
    case EventKind::Begin:
    case EventKind::End:
      return transactionForCaller(E, S);
    case EventKind::Slow:
      return true;
    default:
      return false;
    }
  }

  /// A begin or end through a field of the function's own object.
  bool throughOwnField(unsigned I) const {
    const DbEvent &E = Events.Events[I];
    const auto *Method = dyn_cast<CXXMethodDecl>(FD);
    const auto *Field =
        dyn_cast_or_null<FieldDecl>(Events.ConnectionDecls[E.Connection]);
    return (E.Kind == EventKind::Begin || E.Kind == EventKind::End) && Method &&
           Field && !E.Origin && Field->getParent() == Method->getParent();
  }

  /// A helper that begins or ends its caller's transaction (`begin(db)`,
  /// the constructor and destructor of a guard class), not one on an object
  /// of its own.
  bool transactionForCaller(const DbEvent &E, SummaryEvent &S) const {
    const ValueDecl *Via = Events.ConnectionDecls[E.Connection];
    if (S.ViaField || (isa_and_nonnull<VarDecl>(Via) &&
                       !isa<ParmVarDecl>(Via) && !S.ViaCaptured))
      return false;
    return true;
  }

  const FunctionDecl *FD;
  const FunctionEvents &Events;
  const TransactionFlow &Flow;
  const ReadTaint &Taint;
  llvm::ArrayRef<llvm::SmallVector<const Expr *, 2>> Guards;
  const PendingReads &Pending;
  llvm::SmallBitVector Returned;
  /// Of the body, made for the first event summarised.
  mutable std::optional<ParentMap> Parents;
  llvm::SmallVector<std::pair<unsigned, llvm::SmallBitVector>, 2> Stored;
  llvm::SmallVector<std::pair<const FieldDecl *, llvm::SmallBitVector>, 2>
      StoredFields;
};

} // namespace

void summarise(const FunctionDecl *FD, const FunctionEvents &Events,
               const TransactionFlow &Flow, const ReadTaint &Taint,
               llvm::ArrayRef<llvm::SmallVector<const Expr *, 2>> Guards,
               const PendingReads &Pending, FunctionSummary &Summary) {
  Summariser(FD, Events, Flow, Taint, Guards, Pending).run(Summary);
}

} // namespace dbrace
