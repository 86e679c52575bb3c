//===--- ScopeExits.cpp - Where a block is left normally ------------------===//

#include "ScopeExits.h"
#include "SourceEdits.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace dbrace::fixes {

namespace {

class ExitFinder {
public:
  explicit ExitFinder(const llvm::DenseSet<const Stmt *> &Events)
      : Events(Events) {}

  /// Returns with their parent statement.
  std::vector<std::pair<const ReturnStmt *, const Stmt *>> Returns;
  bool Understood = true;

  void visit(const Stmt *S, const Stmt *Parent, unsigned BreakTargets,
             unsigned ContinueTargets) {
    if (!S || !Understood || isa<LambdaExpr>(S))
      return;
    if (isa<GotoStmt, IndirectGotoStmt, CoreturnStmt>(S) ||
        (isa<BreakStmt>(S) && BreakTargets == 0) ||
        (isa<ContinueStmt>(S) && ContinueTargets == 0)) {
      Understood = false;
      return;
    }
    if (const auto *Ret = dyn_cast<ReturnStmt>(S)) {
      if (runsEvent(Ret->getRetValue())) {
        Understood = false;
        return;
      }
      Returns.push_back({Ret, Parent});
      return;
    }
    bool Loop = isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
    bool Switch = isa<SwitchStmt>(S);
    for (const Stmt *Child : S->children())
      visit(Child, S, BreakTargets + (Loop || Switch), ContinueTargets + Loop);
  }

private:
  bool runsEvent(const Stmt *S) const {
    if (!S)
      return false;
    if (Events.contains(S))
      return true;
    for (const Stmt *Child : S->children())
      if (runsEvent(Child))
        return true;
    return false;
  }
  const llvm::DenseSet<const Stmt *> &Events;
};

bool endsControl(const Stmt *S) {
  if (isa<ReturnStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreImplicit());
  return false;
}

/// \p Text on a line of its own before \p Loc when \p Loc starts its line,
/// else just before \p Loc.
FixItHint insertBefore(SourceLocation Loc, llvm::StringRef Text,
                       llvm::StringRef Indent, const ASTContext &Ctx) {
  if (auto LineStart = startOfLineBefore(Loc, Ctx))
    return FixItHint::CreateInsertion(*LineStart, (Indent + Text + "\n").str());
  return FixItHint::CreateInsertion(Loc, (Text + " ").str());
}

} // namespace

std::optional<std::vector<FixItHint>> onEveryNormalExit(
    const CompoundStmt *Block, unsigned From, llvm::StringRef Statement,
    const llvm::DenseSet<const Stmt *> &Events, const ASTContext &Ctx) {
  ExitFinder Finder(Events);
  unsigned Index = 0;
  for (const Stmt *S : Block->body())
    if (Index++ >= From)
      Finder.visit(S, Block, 0, 0);
  if (!Finder.Understood)
    return std::nullopt;

  std::vector<FixItHint> Edits;
  for (const auto &[Ret, Parent] : Finder.Returns) {
    SourceLocation Begin = Ret->getBeginLoc();
    if (Begin.isMacroID())
      return std::nullopt;
    if (isa<CompoundStmt>(Parent)) {
      Edits.push_back(
          insertBefore(Begin, Statement, indentationOf(Begin, Ctx), Ctx));
      continue;
    }
    // `if (x) return;`: the branch gets braces around both statements.
    auto Range = statementRange(Ret, Ctx);
    if (!Range || !Range->isCharRange())
      return std::nullopt;
    Edits.push_back(
        FixItHint::CreateInsertion(Begin, ("{ " + Statement + " ").str()));
    Edits.push_back(FixItHint::CreateInsertion(Range->getEnd(), " }"));
  }
  if (!Block->body_empty() && !endsControl(Block->body_back())) {
    SourceLocation Close = Block->getRBracLoc();
    if (Close.isInvalid() || Close.isMacroID())
      return std::nullopt;
    Edits.push_back(insertBefore(
        Close, Statement,
        indentationOf(Block->body_front()->getBeginLoc(), Ctx), Ctx));
  }
  return Edits;
}

} // namespace dbrace::fixes
