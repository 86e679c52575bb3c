//===--- BuilderChains.cpp - Lock and key calls on a query chain ----------===//
//
// Query builders spell part of a read as calls chained onto it
// (`select(...).where(...).for_update()`): the `lock` and `key` calls of a
// read's chain belong to the statement it runs.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"

using namespace clang;
using namespace dbrace;

namespace dbrace {
namespace events {

/// The `lock` and `key` calls in \p S, not in nested blocks or lambdas.
void Collector::chainRuleCalls(const Stmt *S,
                               llvm::SmallVectorImpl<ChainCall> &Found) {
  forEachCall(S, [&](const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return;
    for (const ApiModel::CallMatch &M :
         matchingRules(Callee, objectOfCall(Call)))
      if (M.Rule->Action == CallAction::Lock ||
          M.Rule->Action == CallAction::Key)
        Found.push_back({Call, M.Rule});
  });
}

/// Whether \p Read is on the chain of objects \p Call is made on
/// (`read.where(...).for_update()`).
bool Collector::chainedOnto(const CallExpr *Call, const Expr *Read) {
  const Expr *E = objectOfCall(Call);
  for (unsigned Depth = 0; E && Depth < 64; ++Depth) {
    E = stripWrappers(E);
    if (E == Read)
      return true;
    const auto *Inner = dyn_cast_or_null<CallExpr>(E);
    E = Inner ? objectOfCall(Inner) : nullptr;
  }
  return false;
}

/// The `lock` and `key` calls that are part of the statement \p Read runs,
/// wherever the call chain puts them: inside the read's own call
/// (`select(...).for_update().from(t)`), chained onto it in the full
/// statement (`select(...).from(t).where(...).for_update()`), or in the
/// initialiser of the local variable the chain starts from
/// (`auto q = objects().select_for_update(); q.get(id)`).
llvm::SmallVector<Collector::ChainCall, 2>
Collector::chainCallsOf(const Expr *Read) {
  llvm::SmallVector<ChainCall, 2> Found;
  chainRuleCalls(Read, Found);
  if (FullStatement) {
    if (ChainCallsFor != FullStatement) {
      ChainCallsFor = FullStatement;
      ChainCallsInStatement.clear();
      chainRuleCalls(FullStatement, ChainCallsInStatement);
    }
    for (const ChainCall &C : ChainCallsInStatement)
      if (C.Call != Read && chainedOnto(C.Call, Read))
        Found.push_back(C);
  }
  // The root of the chain: a local variable holding a query built earlier.
  const auto *Call = dyn_cast<CallExpr>(Read);
  const Expr *Root = Call ? objectOfCall(Call) : nullptr;
  for (unsigned Depth = 0; Root && Depth < 8; ++Depth) {
    Root = stripWrappers(Root);
    if (const auto *Inner = dyn_cast_or_null<CallExpr>(Root)) {
      Root = objectOfCall(Inner);
      continue;
    }
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Root);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!V || !V->isLocalVarDecl() || !V->getInit() ||
        V->getType()->isReferenceType())
      break;
    chainRuleCalls(V->getInit(), Found);
    Root = V->getInit();
  }
  return Found;
}

} // namespace events
} // namespace dbrace
