//===--- ArgumentConditions.cpp - Events that run for some arguments only -===//

#include "ArgumentConditions.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include <optional>

using namespace clang;

namespace dbrace {

namespace {
/// A parameter of \p FD that its body never changes: its value at the test
/// is the caller's argument.
const ParmVarDecl *parameterOf(const Expr *E, const FunctionDecl *FD) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!P || P->getDeclContext() != FD || !FD->getBody())
    return nullptr;
  ExprMutationAnalyzer Mutations(*FD->getBody(), FD->getASTContext());
  return Mutations.isMutated(P) ? nullptr : P;
}

std::optional<llvm::APSInt> constantOf(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

/// \p Cond as a test of one parameter, true where \p Holds is.
std::optional<ArgumentCondition> testOf(const Expr *Cond, bool Holds,
                                        const FunctionDecl *FD,
                                        const ASTContext &Ctx) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return testOf(Not->getSubExpr(), !Holds, FD, Ctx);
  if (const ParmVarDecl *P = parameterOf(Cond, FD)) {
    // `if (flag)`: the flag is not zero.
    if (!P->getType()->isIntegralOrEnumerationType())
      return std::nullopt;
    return ArgumentCondition{P->getFunctionScopeIndex(), llvm::APSInt::get(0),
                             !Holds};
  }
  const auto *Op = dyn_cast<BinaryOperator>(Cond);
  if (!Op || !Op->isEqualityOp())
    return std::nullopt;
  const Expr *L = Op->getLHS(), *R = Op->getRHS();
  const ParmVarDecl *P = parameterOf(L, FD);
  if (!P)
    std::swap(L, R), P = parameterOf(L, FD);
  std::optional<llvm::APSInt> Value = P ? constantOf(R, Ctx) : std::nullopt;
  if (!Value)
    return std::nullopt;
  bool Equal = Op->getOpcode() == BO_EQ;
  return ArgumentCondition{P->getFunctionScopeIndex(), *Value, Equal == Holds};
}

/// Whether \p S always leaves the function (`return`, `throw`).
bool leaves(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && leaves(Block->body_back());
  return isa_and_nonnull<ReturnStmt>(S) || isa_and_nonnull<CXXThrowExpr>(S);
}

void addTest(const Expr *Cond, bool Holds, const FunctionDecl *FD,
             const ASTContext &Ctx, std::vector<ArgumentCondition> &Out) {
  if (std::optional<ArgumentCondition> C = testOf(Cond, Holds, FD, Ctx))
    Out.push_back(std::move(*C));
}
} // namespace

std::vector<ArgumentCondition> argumentConditions(const FunctionDecl *FD,
                                                  const Stmt *At,
                                                  const ParentMap &Parents,
                                                  const ASTContext &Ctx) {
  std::vector<ArgumentCondition> Out;
  for (const Stmt *Child = At, *Parent = At ? Parents.getParent(At) : nullptr;
       Parent; Child = Parent, Parent = Parents.getParent(Parent)) {
    // `if (test) return;` before it in a block: the test failed.
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent))
      for (const Stmt *Before : Block->body()) {
        if (Before == Child)
          break;
        const auto *Exit = dyn_cast<IfStmt>(Before);
        if (Exit && !Exit->getElse() && !Exit->getInit() &&
            !Exit->getConditionVariable() && leaves(Exit->getThen()))
          addTest(Exit->getCond(), false, FD, Ctx, Out);
      }
    const auto *If = dyn_cast<IfStmt>(Parent);
    if (If && !If->getInit() && !If->getConditionVariable() &&
        (Child == If->getThen() || Child == If->getElse()))
      addTest(If->getCond(), Child == If->getThen(), FD, Ctx, Out);
  }
  return Out;
}

bool mayHold(llvm::ArrayRef<ArgumentCondition> Conditions,
             llvm::ArrayRef<const Expr *> Args, const ASTContext &Ctx) {
  for (const ArgumentCondition &C : Conditions) {
    if (C.Param >= Args.size())
      continue;
    std::optional<llvm::APSInt> Arg = constantOf(Args[C.Param], Ctx);
    if (Arg && llvm::APSInt::isSameValue(*Arg, C.Value) != C.Equal)
      return false;
  }
  return true;
}

} // namespace dbrace
