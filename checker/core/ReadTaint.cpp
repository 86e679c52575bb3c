//===--- ReadTaint.cpp - Which reads a value carries ----------------------===//

#include "ReadTaint.h"
#include "AstNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace dbrace;

ReadTaint::ReadTaint(const Stmt *Body, const FunctionEvents &Events)
    : Events(Events) {
  unsigned N = Events.Events.size();
  for (unsigned I = 0; I < N; ++I) {
    const DbEvent &E = Events.Events[I];
    if (E.Kind != EventKind::Read)
      continue;
    if (E.ResultExpr)
      ResultCalls[E.ResultExpr] = I;
    for (const Expr *Status : E.StatusCalls)
      ResultCalls[Status] = I;
    for (const ValueDecl *D : E.ResultDecls) {
      auto &Bits = Tainted[D];
      Bits.resize(N);
      Bits.set(I);
    }
  }
  collectFlows(Body);
  propagate();
  Settled = true;
}

llvm::SmallBitVector ReadTaint::storedInto(const ValueDecl *D) const {
  llvm::SmallBitVector Bits(Events.Events.size());
  for (const Flow &F : Flows)
    if (F.Stored && F.Target == D)
      Bits |= of(F.Source);
  return Bits;
}

llvm::SmallBitVector ReadTaint::ofDecl(const ValueDecl *D) const {
  auto It = Tainted.find(D);
  if (It == Tainted.end())
    return llvm::SmallBitVector(Events.Events.size());
  return It->second;
}

const llvm::SmallBitVector &ReadTaint::of(const Stmt *S) const {
  assert(Settled && "asked before the fixpoint");
  auto It = Cache.find(S);
  if (It == Cache.end())
    It = Cache.try_emplace(S, walk(S)).first;
  return It->second;
}

ReadTaint::Inputs ReadTaint::inputsOf(const Stmt *S) const {
  Inputs In{llvm::SmallBitVector(Events.Events.size()), {}};
  llvm::SmallVector<const Stmt *, 16> Work{S};
  while (!Work.empty()) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur || isa<LambdaExpr>(Cur))
      continue;
    if (auto It = ResultCalls.find(Cur); It != ResultCalls.end())
      In.Results.set(It->second);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Cur))
      In.Decls.push_back(DRE->getDecl());
    else if (const auto *ME = dyn_cast<MemberExpr>(Cur);
             ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      In.Decls.push_back(ME->getMemberDecl());
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return In;
}

llvm::SmallBitVector ReadTaint::combine(const Inputs &In) const {
  llvm::SmallBitVector Bits = In.Results;
  for (const ValueDecl *D : In.Decls)
    if (auto It = Tainted.find(D); It != Tainted.end())
      Bits |= It->second;
  return Bits;
}

llvm::SmallBitVector ReadTaint::walk(const Stmt *S) const {
  return combine(inputsOf(S));
}

/// Taint only grows, one bit per read and variable at most, so the worklist
/// empties: each flow is looked at again only when a variable its source
/// uses gained a read.
void ReadTaint::propagate() {
  unsigned N = Events.Events.size();
  std::vector<Inputs> Sources;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<unsigned, 2>> UsedBy;
  for (unsigned F = 0; F < Flows.size(); ++F) {
    Sources.push_back(inputsOf(Flows[F].Source));
    for (const ValueDecl *D : Sources.back().Decls)
      UsedBy[D].push_back(F);
  }
  std::vector<unsigned> Work(Flows.size());
  for (unsigned F = 0; F < Flows.size(); ++F)
    Work[F] = Flows.size() - 1 - F; // Popped in source order.
  std::vector<bool> Queued(Flows.size(), true);
  while (!Work.empty()) {
    unsigned F = Work.back();
    Work.pop_back();
    Queued[F] = false;
    llvm::SmallBitVector From = combine(Sources[F]);
    if (From.none())
      continue;
    auto &Bits = Tainted[Flows[F].Target];
    Bits.resize(N);
    if (!From.test(Bits))
      continue; // Every read the source carries is in the target already.
    Bits |= From;
    for (unsigned Next : UsedBy.lookup(Flows[F].Target))
      if (!Queued[Next]) {
        Queued[Next] = true;
        Work.push_back(Next);
      }
  }
}

bool ReadTaint::modelled(const Stmt *Call) const {
  return Events.ByStmt.count(Call) || Events.ModelCalls.count(Call);
}

/// The variables an assignment to \p Target stores into: an element stores
/// into its container or array (`qty[sku] = v`, `binds[0].buffer = &x`),
/// and a call's result that
/// refers to its arguments stores into those it takes by non-const
/// reference (`std::tie(a, b) = load()`).
static void storageOf(const Expr *Target,
                      llvm::SmallVectorImpl<const ValueDecl *> &Out) {
  const Expr *E = stripWrappers(Target);
  if (const ValueDecl *D = rootDecl(E)) {
    Out.push_back(D);
    return;
  }
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
    return storageOf(Sub->getBase(), Out);
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return storageOf(Member->getBase(), Out);
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      storageOf(Op->getArg(0), Out);
    return;
  }
  const FunctionDecl *FD = Call->getDirectCallee();
  for (unsigned I = 0; FD && I < Call->getNumArgs() && I < FD->getNumParams();
       ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    if (T->isLValueReferenceType() &&
        !T.getNonReferenceType().isConstQualified())
      storageOf(Call->getArg(I), Out);
  }
}

void ReadTaint::addFlow(const Expr *Target, const Stmt *Source, bool Stored) {
  llvm::SmallVector<const ValueDecl *, 2> Decls;
  storageOf(Target, Decls);
  for (const ValueDecl *D : Decls)
    Flows.push_back({D, Source, Stored});
}

void ReadTaint::collectFlows(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !V->getInit())
        continue;
      Flows.push_back({V, V->getInit(), true});
      if (const auto *DD = dyn_cast<DecompositionDecl>(V))
        for (const BindingDecl *B : DD->bindings())
          Flows.push_back({B, V->getInit(), true});
    }
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      addFlow(BO->getLHS(), BO->getRHS(), true);
    // `binds[0].buffer = &seats`: the array of buffers points at `seats`,
    // so a value stored there is one of the array's, and what a library
    // later writes through the array (a result buffer) lands in `seats`.
    if (const auto *Addr =
            dyn_cast<UnaryOperator>(BO->getRHS()->IgnoreParenCasts());
        BO->getOpcode() == BO_Assign && Addr &&
        Addr->getOpcode() == UO_AddrOf) {
      addFlow(Addr->getSubExpr(), BO->getLHS(), false);
    }
  } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
    Flows.push_back({Range->getLoopVariable(), Range->getRangeInit(), true});
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->isAssignmentOp() && Op->getNumArgs() == 2)
      addFlow(Op->getArg(0), Op->getArg(1), true);
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
             MC && !modelled(MC)) {
    // rows.push_back(row), total.add(value): a mutating call leaves the value
    // in its object. Database calls are left to their rules, which say
    // where their results go.
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && !M->isConst())
      for (const Expr *Arg : MC->arguments())
        addFlow(MC->getImplicitObjectArgument(), Arg, true);
  }
  if (const auto *Call = dyn_cast<CallExpr>(S); Call && !modelled(Call)) {
    // An argument passed by non-const reference or pointer may be filled
    // from the others: `parse(row, seats)`, `get(&seats, row)`.
    const FunctionDecl *FD = Call->getDirectCallee();
    unsigned Offset =
        isa<CXXOperatorCallExpr>(Call) && FD && isa<CXXMethodDecl>(FD) ? 1 : 0;
    for (unsigned I = 0; FD && I < Call->getNumArgs(); ++I) {
      if (I < Offset || I - Offset >= FD->getNumParams())
        continue;
      if (!isOutParameterType(FD->getParamDecl(I - Offset)->getType()))
        continue;
      for (unsigned J = 0; J < Call->getNumArgs(); ++J)
        if (J != I)
          addFlow(Call->getArg(I), Call->getArg(J), false);
      // field.to(seats): filled from the object it is called on.
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        addFlow(Call->getArg(I), MC->getImplicitObjectArgument(), false);
    }
  }
  for (const Stmt *Child : S->children())
    collectFlows(Child);
}
