//===--- Walk.cpp - The walk of a function body ---------------------------===//
//
// Visits each statement once, in the order its calls run, tracking the
// variable an expression initialises and the full statement it is part of,
// and hands each call and declaration to its handler.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace dbrace;

namespace {

/// Whether a statement's value is thrown away where it stands.
bool discardsChild(const Stmt *Parent, const Stmt *Child) {
  if (isa<CompoundStmt, LabelStmt, CaseStmt, DefaultStmt, AttributedStmt>(
          Parent))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *For = dyn_cast<ForStmt>(Parent))
    return Child == For->getBody() || Child == For->getInc() ||
           Child == For->getInit();
  if (const auto *While = dyn_cast<WhileStmt>(Parent))
    return Child == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(Parent))
    return Child == Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent))
    return Child == Range->getBody();
  return false;
}

bool passesDiscard(const Stmt *S) {
  return isa<ExprWithCleanups, CXXBindTemporaryExpr, MaterializeTemporaryExpr,
             ImplicitCastExpr, ParenExpr>(S);
}

} // namespace

namespace dbrace {
namespace events {

FunctionEvents Collector::run() {
  for (const ParmVarDecl *P : FD->parameters())
    if (const ApiModel::TypeMatch *T = typeRuleFor(recordOf(P->getType())))
      if (T->Rule->Handle)
        connectionFor(P);
  walk(FD->getBody(), /*Discarded=*/true);
  bindKeys();
  for (unsigned I = 0; I < Out.Events.size(); ++I)
    Out.ByStmt[Out.Events[I].At].push_back(I);
  return std::move(Out);
}

void Collector::walk(const Stmt *S, bool Discarded) {
  if (!S || isa<LambdaExpr>(S))
    return; // A lambda's body runs when it is called: its own function.
  // A constructor runs after its arguments (`rowset rs = (sql.prepare <<
  // ...)` runs what its argument prepares); every other call is visited
  // first, so that a chain's outermost call sees the statement it ends.
  // So does a call on the object an earlier call of its chain returns
  // (`stmt->bind(...)->execute()`): the chain runs from its start.
  bool After = isa<CXXConstructExpr>(S) || callsReturnedObject(S);
  if (!After)
    visit(S, Discarded);
  const ValueDecl *SavedTarget = Target;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign) {
    Target = rootDecl(BO->getLHS());
    noteMemberStore(BO->getLHS(), BO->getRHS());
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    Target = rootDecl(Op->getArg(0));
    noteMemberStore(Op->getArg(0), Op->getArg(1));
  }
  for (const Stmt *Child : S->children()) {
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      Target = initialisedBy(DS, Child);
    bool ChildDiscarded =
        passesDiscard(S) ? Discarded : discardsChild(S, Child);
    if (isa<CompoundStmt>(S))
      walkFullStatement(Child);
    else
      walk(Child, ChildDiscarded);
  }
  Target = SavedTarget;
  if (After)
    visit(S, Discarded);
}

/// The variable of \p DS whose initialiser is \p Init.
const ValueDecl *Collector::initialisedBy(const DeclStmt *DS,
                                          const Stmt *Init) {
  for (const Decl *D : DS->decls())
    if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit() == Init)
      return V;
  return nullptr;
}

/// A statement of a block; reads in it fill its out-parameters
/// (`sql << "SELECT ...", into(seats)` runs when the statement ends).
void Collector::walkFullStatement(const Stmt *S) {
  size_t First = Out.Events.size();
  // Nested blocks are full statements of their own.
  auto SavedKeys = std::move(KeysInStatement);
  auto SavedValues = std::move(ChainedValues);
  auto SavedNamed = std::move(ChainedNamed);
  const Stmt *SavedStatement = FullStatement;
  KeysInStatement.clear();
  ChainedValues.clear();
  ChainedNamed.clear();
  FullStatement = S;
  walk(S, /*Discarded=*/true);
  attachParameters(S, First);
  KeysInStatement = std::move(SavedKeys);
  ChainedValues = std::move(SavedValues);
  ChainedNamed = std::move(SavedNamed);
  FullStatement = SavedStatement;
}

void Collector::visit(const Stmt *S, bool Discarded) {
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        visitVariable(V);
    return;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
    if (!HandledConstructions.count(CE) &&
        !visitCall(CE, CE->getConstructor(), nullptr, Args, Discarded))
      visitHelperCall(CE, CE->getConstructor(), Args, Discarded);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return;
    const Expr *Object = nullptr;
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      Object = MC->getImplicitObjectArgument();
    } else if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) &&
               !Args.empty()) {
      Object = Args.front();
      Args = Args.drop_front();
    }
    if (!visitCall(Call, Callee, Object, Args, Discarded))
      visitHelperCall(Call, Callee, Args, Discarded);
  }
}

} // namespace events
} // namespace dbrace

FunctionEvents dbrace::collectEvents(const FunctionDecl *FD, ASTContext &Ctx,
                                     const ApiModel &Model,
                                     SqlTextResolver &Resolver,
                                     std::optional<sqlfacts::Dialect> Dialect,
                                     const TranslationUnitFacts &Unit) {
  if (!FD->hasBody())
    return FunctionEvents();
  return events::Collector(FD, Ctx, Model, Resolver, Dialect, Unit).run();
}
