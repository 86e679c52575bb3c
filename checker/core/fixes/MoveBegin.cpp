//===--- MoveBegin.cpp - Begin the transaction before the read ------------===//

#include "../AstNames.h"
#include "Retype.h"
#include "SourceEdits.h"
#include "TransactionFixes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace dbrace::fixes {

namespace {

/// What the statements between the new and the old place of the begin do
/// that would make moving it wrong.
class Between : public RecursiveASTVisitor<Between> {
public:
  Between(const NamedDecl *Declared, const ValueDecl *Renamed,
          const llvm::SmallPtrSetImpl<const VarDecl *> &Used)
      : Declared(Declared), Renamed(Renamed), Used(Used) {}

  bool Blocked = false;
  bool Exits = false;
  std::vector<const DeclRefExpr *> RenamedUses;

  bool VisitNamedDecl(NamedDecl *D) {
    clash(D);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == Renamed)
      RenamedUses.push_back(E);
    else
      clash(E->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    clash(E->getMemberDecl());
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *) { return exits(); }
  bool VisitCXXThrowExpr(CXXThrowExpr *) { return exits(); }
  bool VisitGotoStmt(GotoStmt *) { return exits(); }
  bool VisitBreakStmt(BreakStmt *) { return exits(); }
  bool VisitContinueStmt(ContinueStmt *) { return exits(); }
  // What the begin uses must keep its value: not assigned, incremented,
  // or handed out by address.
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      changes(B->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      changes(U->getSubExpr());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->isAssignmentOp() && Op->getNumArgs() > 0)
      changes(Op->getArg(0));
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    // A lambda may capture by reference and change what the begin uses.
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() &&
          Used.contains(dyn_cast<VarDecl>(C.getCapturedVar())))
        Blocked = true;
    return true;
  }

private:
  bool exits() {
    Exits = true;
    return true;
  }
  void changes(const Expr *E) {
    if (const auto *V = dyn_cast_or_null<VarDecl>(rootDecl(E)))
      if (Used.contains(V))
        Blocked = true;
  }
  void clash(const NamedDecl *D) {
    if (D && D != Declared && Declared && D->getIdentifier() &&
        Declared->getIdentifier() && D->getName() == Declared->getName())
      Blocked = true;
  }
  const NamedDecl *Declared;
  const ValueDecl *Renamed;
  const llvm::SmallPtrSetImpl<const VarDecl *> &Used;
};

/// The variables \p S reads, other than the one it declares.
void usedVariables(const Stmt *S, const VarDecl *Declared,
                   llvm::SmallPtrSetImpl<const VarDecl *> &Out) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (V != Declared)
        Out.insert(V);
  for (const Stmt *Child : S->children())
    usedVariables(Child, Declared, Out);
}

/// The begin statement's range, and where it stands on a line of its own,
/// the line break and indentation after it too, so that no blank line is
/// left. (The line's own indentation stays for the next line: clang's edit
/// merging would otherwise take one more space from the next line.)
std::optional<CharSourceRange> removalRange(CharSourceRange R,
                                            const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  FixItHint Whole;
  Whole.RemoveRange = R;
  auto Span = spanOf(Whole, Ctx);
  if (!Span)
    return std::nullopt;
  llvm::StringRef Rest = SM.getBufferData(Span->File).substr(Span->End);
  size_t Newline = Rest.find('\n');
  if (!startOfLineBefore(R.getBegin(), Ctx) ||
      Newline == llvm::StringRef::npos ||
      !Rest.substr(0, Newline).trim(" \t").empty())
    return R;
  size_t Next = Rest.find_first_not_of(" \t", Newline + 1);
  if (Next == llvm::StringRef::npos || Rest[Next] == '\n')
    Next = Newline + 1;
  return CharSourceRange::getCharRange(
      R.getBegin(), SM.getComposedLoc(Span->File, Span->End + Next));
}

} // namespace

FixOrNote moveBeginAboveRead(const FixSite &Site, const DbEvent &Read,
                             const DbEvent &Begin,
                             const std::vector<FixItHint> &LockRead,
                             const std::vector<FixItHint> &LockBegin) {
  if (Read.Origin || Begin.Origin)
    return {};
  const Stmt *Body = Site.Function->getBody();
  auto BeginPos = positionInBlock(Body, Begin.At);
  if (!BeginPos)
    return {};
  const Stmt *BeginStmt = BeginPos->Statement;
  const VarDecl *Declared = nullptr;
  if (const auto *DS = dyn_cast<DeclStmt>(BeginStmt)) {
    Declared =
        DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    if (!Declared || stripWrappers(Declared->getInit()) != Begin.At)
      return {};
  } else if (const auto *E = dyn_cast<Expr>(BeginStmt)) {
    if (E->IgnoreImplicit() != Begin.At)
      return {};
  } else {
    return {};
  }
  auto BeginRange = statementRange(BeginStmt, Site.Ctx);
  if (!BeginRange)
    return {};
  auto Moved = editedText(*BeginRange, LockBegin, Site.Ctx);
  if (!Moved)
    return {};
  FixOrNote Out;
  Out.Advice.What = FixAdvice::Kind::MoveBegin;
  Out.Advice.Begin = *Moved;

  // The read's statement in the begin's block.
  auto ReadPath = pathTo(Body, Read.At);
  const Stmt *const *InBlock = llvm::find(ReadPath, BeginPos->Block);
  if (InBlock == ReadPath.end() || InBlock + 1 == ReadPath.end())
    return Out;
  llvm::SmallVector<const Stmt *, 16> Statements(BeginPos->Block->body());
  unsigned ReadIndex = llvm::find(Statements, InBlock[1]) - Statements.begin();
  if (ReadIndex >= BeginPos->Index)
    return Out;

  // A read through an autocommit handle of the same block moves into the
  // transaction: the begin takes the handle's place, and the handle's uses
  // become the transaction's. Else the read runs on the connection the
  // transaction guards, and the begin goes just above it.
  unsigned Target = ReadIndex;
  const ValueDecl *Handle = nullptr;
  if (Read.Connection != Begin.Connection) {
    Handle = Read.Connection < Site.Events.ConnectionDecls.size()
                 ? Site.Events.ConnectionDecls[Read.Connection]
                 : nullptr;
    if (!Handle || !Declared || !Begin.Type || !Begin.Type->Handle)
      return Out;
    auto HandlePos = positionInBlock(Body, cast<VarDecl>(Handle)->getInit());
    const auto *HandleDecl =
        HandlePos ? dyn_cast<DeclStmt>(HandlePos->Statement) : nullptr;
    if (!HandleDecl || HandlePos->Block != BeginPos->Block ||
        !HandleDecl->isSingleDecl() || HandlePos->Index > ReadIndex ||
        !llvm::any_of(Site.Events.Events, [&](const DbEvent &E) {
          return E.Kind == EventKind::Begin && E.Autocommit &&
                 E.Connection == Read.Connection;
        }))
      return Out;
    Target = HandlePos->Index;
  }

  // What the begin uses is declared above the new place and keeps its
  // value; its name means nothing else in between; and leaving the block
  // early in between is fine only for a transaction object, whose
  // destructor ends it.
  llvm::SmallPtrSet<const VarDecl *, 4> Used;
  usedVariables(BeginStmt, Declared, Used);
  const SourceManager &SM = Site.Ctx.getSourceManager();
  SourceLocation NewPlace = Statements[Target]->getBeginLoc();
  for (const VarDecl *V : Used)
    if (!SM.isBeforeInTranslationUnit(V->getLocation(), NewPlace) ||
        V == Handle)
      return Out;
  Between Check(Declared, Handle, Used);
  for (unsigned I = Target + (Handle ? 1 : 0); I < BeginPos->Index; ++I)
    Check.TraverseStmt(const_cast<Stmt *>(Statements[I]));
  if (Check.Blocked || (Check.Exits && !Declared))
    return Out;
  // Every use of the handle must be among the statements that now run in
  // the transaction.
  if (Handle) {
    unsigned AllUses = 0;
    llvm::SmallVector<const Stmt *, 0> Work{Body};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
        AllUses += Ref->getDecl() == Handle;
      llvm::append_range(Work, S->children());
    }
    if (AllUses != Check.RenamedUses.size())
      return Out;
    // And each must compile with the transaction's type.
    if (auto Blocker = retypeBlocker(Site.Function, cast<VarDecl>(Handle),
                                     Declared->getType(), Site.Ctx)) {
      if (Blocker->Use)
        Out.MoreNotes.push_back(Blocker->Blocker);
      return Out;
    }
  }

  auto Removal = removalRange(*BeginRange, Site.Ctx);
  if (!Removal)
    return Out;
  std::vector<FixItHint> Fixes;
  if (Handle) {
    auto HandleRange = statementRange(Statements[Target], Site.Ctx);
    if (!HandleRange)
      return Out;
    Fixes.push_back(FixItHint::CreateReplacement(*HandleRange, *Moved));
    for (const DeclRefExpr *Use : Check.RenamedUses) {
      if (Use->getBeginLoc().isMacroID())
        return Out;
      Fixes.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Use->getSourceRange()),
          Declared->getName()));
    }
  } else {
    auto LineStart = startOfLineBefore(NewPlace, Site.Ctx);
    if (!LineStart)
      return Out;
    Fixes.push_back(FixItHint::CreateInsertion(
        *LineStart, indentationOf(NewPlace, Site.Ctx) + *Moved + "\n"));
  }
  Fixes.push_back(FixItHint::CreateRemoval(*Removal));
  llvm::append_range(Fixes, LockRead);
  Out.Fixes = std::move(Fixes);
  return Out;
}

} // namespace dbrace::fixes
