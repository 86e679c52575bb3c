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

/// The begin as a statement of its block: a declaration of one variable
/// that the begin initialises, or an expression statement (no Declared).
struct BeginStatement {
  BlockPosition Pos;
  const VarDecl *Declared = nullptr;
};

std::optional<BeginStatement> beginStatement(const Stmt *Body,
                                             const DbEvent &Begin) {
  auto Pos = positionInBlock(Body, Begin.At);
  if (!Pos)
    return std::nullopt;
  if (const auto *DS = dyn_cast<DeclStmt>(Pos->Statement)) {
    const auto *Declared =
        DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    if (!Declared || stripWrappers(Declared->getInit()) != Begin.At)
      return std::nullopt;
    return BeginStatement{*Pos, Declared};
  }
  if (const auto *E = dyn_cast<Expr>(Pos->Statement);
      E && E->IgnoreImplicit() == Begin.At)
    return BeginStatement{*Pos, nullptr};
  return std::nullopt;
}

/// The index of the read's statement in the begin's block, when the read
/// is in that block above the begin.
std::optional<unsigned> readIndex(const Stmt *Body, const DbEvent &Read,
                                  const BlockPosition &BeginPos,
                                  llvm::ArrayRef<const Stmt *> Statements) {
  auto ReadPath = pathTo(Body, Read.At);
  const Stmt *const *InBlock = llvm::find(ReadPath, BeginPos.Block);
  if (InBlock == ReadPath.end() || InBlock + 1 == ReadPath.end())
    return std::nullopt;
  unsigned Index = llvm::find(Statements, InBlock[1]) - Statements.begin();
  if (Index >= BeginPos.Index)
    return std::nullopt;
  return Index;
}

/// Where the begin goes: the index of the statement it goes above, or
/// replaces when it takes the place of an autocommit handle.
struct NewPlace {
  unsigned Index = 0;
  const VarDecl *Handle = nullptr;
};

/// A read through an autocommit handle of the same block moves into the
/// transaction: the begin takes the handle's place, and the handle's uses
/// become the transaction's. Else the read runs on the connection the
/// transaction guards, and the begin goes just above it.
std::optional<NewPlace> newPlace(const FixSite &Site, const DbEvent &Read,
                                 const DbEvent &Begin, const BeginStatement &B,
                                 unsigned ReadIndex) {
  if (Read.Connection == Begin.Connection)
    return NewPlace{ReadIndex, nullptr};
  const ValueDecl *Handle = Read.Connection < Site.Events.ConnectionDecls.size()
                                ? Site.Events.ConnectionDecls[Read.Connection]
                                : nullptr;
  if (!Handle || !B.Declared || !Begin.Type || !Begin.Type->Handle)
    return std::nullopt;
  const auto *HandleVar = cast<VarDecl>(Handle);
  auto HandlePos =
      positionInBlock(Site.Function->getBody(), HandleVar->getInit());
  const auto *HandleDecl =
      HandlePos ? dyn_cast<DeclStmt>(HandlePos->Statement) : nullptr;
  if (!HandleDecl || HandlePos->Block != B.Pos.Block ||
      !HandleDecl->isSingleDecl() || HandlePos->Index > ReadIndex ||
      !llvm::any_of(Site.Events.Events, [&](const DbEvent &E) {
        return E.Kind == EventKind::Begin && E.Autocommit &&
               E.Connection == Read.Connection;
      }))
    return std::nullopt;
  return NewPlace{HandlePos->Index, HandleVar};
}

/// What the begin uses is declared above the new place and keeps its
/// value; its name means nothing else in between; and leaving the block
/// early in between is fine only for a transaction object, whose
/// destructor ends it. When so, the handle's uses in between.
std::optional<std::vector<const DeclRefExpr *>>
usesMovedOver(const FixSite &Site, const BeginStatement &B,
              const NewPlace &Place, llvm::ArrayRef<const Stmt *> Statements) {
  llvm::SmallPtrSet<const VarDecl *, 4> Used;
  usedVariables(B.Pos.Statement, B.Declared, Used);
  const SourceManager &SM = Site.Ctx.getSourceManager();
  SourceLocation Above = Statements[Place.Index]->getBeginLoc();
  for (const VarDecl *V : Used)
    if (!SM.isBeforeInTranslationUnit(V->getLocation(), Above) ||
        V == Place.Handle)
      return std::nullopt;
  Between Check(B.Declared, Place.Handle, Used);
  for (unsigned I = Place.Index + (Place.Handle ? 1 : 0); I < B.Pos.Index; ++I)
    Check.TraverseStmt(const_cast<Stmt *>(Statements[I]));
  if (Check.Blocked || (Check.Exits && !B.Declared))
    return std::nullopt;
  return std::move(Check.RenamedUses);
}

/// Whether \p S, a statement of a block, is \p Call alone.
bool isOnly(const Stmt *S, const Stmt *Call) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  return E && stripWrappers(E) == Call;
}

/// Whether the statement after \p Pos leaves the function.
bool exitFollows(const BlockPosition &Pos) {
  llvm::SmallVector<const Stmt *, 8> Statements(Pos.Block->body());
  if (Pos.Index + 1 >= Statements.size())
    return false;
  const Stmt *Next = Statements[Pos.Index + 1];
  const auto *Throw = dyn_cast<Expr>(Next);
  return isa<ReturnStmt>(Next) ||
         (Throw && isa<CXXThrowExpr>(Throw->IgnoreImplicit()));
}

/// The variable a call or construction runs on: a constructor's or a free
/// function's first argument, a method's object, the left operand of an
/// operator chain (`sql << "..."`); null when it is not a variable.
const ValueDecl *runsOn(const Stmt *S) {
  const Expr *On = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    On = Construct->getNumArgs() > 0 ? Construct->getArg(0) : nullptr;
  else if (const auto *C = dyn_cast<CallExpr>(S))
    On = objectOfCall(C)       ? objectOfCall(C)
         : C->getNumArgs() > 0 ? C->getArg(0)
                               : nullptr;
  while (On) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(stripWrappers(On));
    if (!Op || Op->getNumArgs() == 0)
      break;
    On = Op->getArg(0);
  }
  return On ? rootDecl(On) : nullptr;
}

/// The statements that end the read's transaction (its autocommit handle's
/// commit, a commit of the connection with nothing open) between the new
/// place and the old one: once the begin moves above the read, each would
/// end the moved transaction before the write. One that is a statement of
/// the begin's block runs on every way to the begin and is dropped; one
/// right before a `return` or `throw` only ends the transaction where the
/// function leaves, and stays; any other (on a branch, in a helper)
/// stops the fix-it. So does an end on the function's connection through
/// another variable than the begin's (it may name the same connection),
/// and a transaction begun in between, which would open inside the moved
/// one.
std::optional<std::vector<const Stmt *>>
endsToDrop(const FixSite &Site, const DbEvent &Read, const DbEvent &Begin,
           const BeginStatement &B, const NewPlace &Place,
           llvm::ArrayRef<const Stmt *> Statements) {
  std::vector<const Stmt *> Dropped;
  const Stmt *Body = Site.Function->getBody();
  llvm::ArrayRef<const Stmt *> InBetween =
      Statements.slice(Place.Index, B.Pos.Index - Place.Index);
  const Stmt *Replaced = Place.Handle ? InBetween.front() : nullptr;
  for (const DbEvent &E : Site.Events.Events) {
    if (E.Kind != EventKind::End && E.Kind != EventKind::Begin)
      continue;
    const Stmt *const *In = llvm::find_if(
        InBetween, [&](const Stmt *S) { return !pathTo(S, E.At).empty(); });
    if (In == InBetween.end())
      continue;
    if (E.Kind == EventKind::Begin) {
      if (*In != Replaced)
        return std::nullopt;
      continue;
    }
    if (E.Connection != Read.Connection)
      continue;
    if (E.Origin ||
        (!Place.Handle && (!runsOn(E.At) || runsOn(E.At) != runsOn(Begin.At))))
      return std::nullopt;
    if (isOnly(*In, E.At)) {
      Dropped.push_back(*In);
      continue;
    }
    auto Pos = positionInBlock(Body, E.At);
    if (!Pos || Pos->Block == B.Pos.Block || !isOnly(Pos->Statement, E.At) ||
        !exitFollows(*Pos))
      return std::nullopt;
  }
  return Dropped;
}

bool inside(const Stmt *S, const Expr *Use) { return !pathTo(S, Use).empty(); }

unsigned usesOf(const ValueDecl *D, const Stmt *Body) {
  unsigned Uses = 0;
  llvm::SmallVector<const Stmt *, 0> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      Uses += Ref->getDecl() == D;
    llvm::append_range(Work, S->children());
  }
  return Uses;
}

/// Whether the transaction can take the handle's place: every use of the
/// handle is among the \p UsesMovedOver that now run in the transaction,
/// and each compiles with the transaction's type (else a note in \p Out
/// may say which does not).
bool transactionReplacesHandle(const FixSite &Site, const NewPlace &Place,
                               const VarDecl *Declared, size_t UsesMovedOver,
                               FixOrNote &Out) {
  if (usesOf(Place.Handle, Site.Function->getBody()) != UsesMovedOver)
    return false;
  auto Blocker =
      retypeBlocker(Site.Function, Place.Handle, Declared->getType(), Site.Ctx);
  if (!Blocker)
    return true;
  if (Blocker->Use)
    Out.MoreNotes.push_back(Blocker->Blocker);
  return false;
}

/// The edits that write \p Moved (the begin's statement) at its new place,
/// renaming the handle's \p HandleUses to the transaction, drop the
/// \p Dropped ends, and remove the begin from \p BeginRange.
std::optional<std::vector<FixItHint>>
moveEdits(const FixSite &Site, const BeginStatement &B, const NewPlace &Place,
          const Stmt *AtPlace, llvm::ArrayRef<const DeclRefExpr *> HandleUses,
          llvm::ArrayRef<const Stmt *> Dropped, CharSourceRange BeginRange,
          llvm::StringRef Moved) {
  auto Removal = removalRange(BeginRange, Site.Ctx);
  if (!Removal)
    return std::nullopt;
  std::vector<FixItHint> Fixes;
  for (const Stmt *End : Dropped) {
    auto EndRange = statementRange(End, Site.Ctx);
    auto EndRemoval =
        EndRange ? removalRange(*EndRange, Site.Ctx) : std::nullopt;
    if (!EndRemoval)
      return std::nullopt;
    Fixes.push_back(FixItHint::CreateRemoval(*EndRemoval));
  }
  if (Place.Handle) {
    auto HandleRange = statementRange(AtPlace, Site.Ctx);
    if (!HandleRange)
      return std::nullopt;
    Fixes.push_back(FixItHint::CreateReplacement(*HandleRange, Moved));
    for (const DeclRefExpr *Use : HandleUses) {
      if (llvm::any_of(Dropped,
                       [&](const Stmt *End) { return inside(End, Use); }))
        continue;
      if (Use->getBeginLoc().isMacroID())
        return std::nullopt;
      Fixes.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Use->getSourceRange()),
          B.Declared->getName()));
    }
  } else {
    SourceLocation Above = AtPlace->getBeginLoc();
    auto LineStart = startOfLineBefore(Above, Site.Ctx);
    if (!LineStart)
      return std::nullopt;
    Fixes.push_back(FixItHint::CreateInsertion(
        *LineStart, indentationOf(Above, Site.Ctx) + Moved.str() + "\n"));
  }
  Fixes.push_back(FixItHint::CreateRemoval(*Removal));
  return Fixes;
}

} // namespace

FixOrNote moveBeginAboveRead(const FixSite &Site, const DbEvent &Read,
                             const DbEvent &Begin,
                             const std::vector<FixItHint> &LockRead,
                             const std::vector<FixItHint> &LockBegin) {
  if (Read.Origin || Begin.Origin)
    return {};
  const Stmt *Body = Site.Function->getBody();
  auto B = beginStatement(Body, Begin);
  if (!B)
    return {};
  auto BeginRange = statementRange(B->Pos.Statement, Site.Ctx);
  if (!BeginRange)
    return {};
  auto Moved = editedText(*BeginRange, LockBegin, Site.Ctx);
  if (!Moved)
    return {};
  FixOrNote Out;
  Out.Advice.What = FixAdvice::Kind::MoveBegin;
  Out.Advice.Begin = *Moved;

  llvm::SmallVector<const Stmt *, 16> Statements(B->Pos.Block->body());
  auto ReadIndex = readIndex(Body, Read, B->Pos, Statements);
  if (!ReadIndex)
    return Out;
  auto Place = newPlace(Site, Read, Begin, *B, *ReadIndex);
  if (!Place)
    return Out;
  auto HandleUses = usesMovedOver(Site, *B, *Place, Statements);
  if (!HandleUses)
    return Out;
  if (Place->Handle && !transactionReplacesHandle(Site, *Place, B->Declared,
                                                  HandleUses->size(), Out))
    return Out;
  auto Dropped = endsToDrop(Site, Read, Begin, *B, *Place, Statements);
  if (!Dropped)
    return Out;
  auto Fixes = moveEdits(Site, *B, *Place, Statements[Place->Index],
                         *HandleUses, *Dropped, *BeginRange, *Moved);
  if (!Fixes)
    return Out;
  llvm::append_range(*Fixes, LockRead);
  Out.Fixes = std::move(*Fixes);
  return Out;
}

} // namespace dbrace::fixes
