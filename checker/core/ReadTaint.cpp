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
  // Each round moves taint one assignment further; chains in real code are
  // short, and the bound keeps a pathological function linear.
  for (unsigned Round = 0; Round < 8; ++Round) {
    bool Changed = false;
    for (const Flow &F : Flows) {
      llvm::SmallBitVector From = walk(F.Source);
      if (From.none())
        continue;
      auto &Bits = Tainted[F.Target];
      Bits.resize(N);
      llvm::SmallBitVector Before = Bits;
      Bits |= From;
      Changed |= Bits != Before;
    }
    if (!Changed)
      break;
  }
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

llvm::SmallBitVector ReadTaint::walk(const Stmt *S) const {
  llvm::SmallBitVector Bits(Events.Events.size());
  if (!S)
    return Bits;
  llvm::SmallVector<const Stmt *, 16> Work{S};
  while (!Work.empty()) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur || isa<LambdaExpr>(Cur))
      continue;
    if (auto It = ResultCalls.find(Cur); It != ResultCalls.end())
      Bits.set(It->second);
    const ValueDecl *D = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Cur))
      D = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(Cur);
             ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      D = ME->getMemberDecl();
    if (D)
      if (auto It = Tainted.find(D); It != Tainted.end())
        Bits |= It->second;
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return Bits;
}

bool ReadTaint::modelled(const Stmt *Call) const {
  return Events.ByStmt.count(Call) || Events.ModelCalls.count(Call);
}

void ReadTaint::addFlow(const Expr *Target, const Stmt *Source,
                        bool Stored) {
  if (const ValueDecl *D = rootDecl(Target))
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
    unsigned Offset = isa<CXXOperatorCallExpr>(Call) &&
                              FD && isa<CXXMethodDecl>(FD)
                          ? 1
                          : 0;
    for (unsigned I = 0; FD && I < Call->getNumArgs(); ++I) {
      if (I < Offset || I - Offset >= FD->getNumParams())
        continue;
      QualType T = FD->getParamDecl(I - Offset)->getType();
      // A pointer to an incomplete type is an opaque handle (`db *`),
      // which the caller's other arguments do not fill.
      bool Out = (T->isLValueReferenceType() &&
                  !T.getNonReferenceType().isConstQualified()) ||
                 (T->isPointerType() && !T->getPointeeType().isConstQualified() &&
                  !(T->getPointeeType()->isRecordType() &&
                    T->getPointeeType()->isIncompleteType()));
      if (!Out)
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
