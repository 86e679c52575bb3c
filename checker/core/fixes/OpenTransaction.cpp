//===--- OpenTransaction.cpp - A transaction where there is none ----------===//

#include "ScopeExits.h"
#include "SourceEdits.h"
#include "TransactionFixes.h"
#include "../AstNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace dbrace::fixes {

namespace {

/// \p Template with `$tx` and `$db` filled in.
std::string instantiate(llvm::StringRef Template, llvm::StringRef Tx,
                        llvm::StringRef Db) {
  std::string Out;
  while (!Template.empty()) {
    if (Template.consume_front("$tx"))
      Out += Tx;
    else if (Template.consume_front("$db"))
      Out += Db;
    else {
      Out += Template.front();
      Template = Template.drop_front();
    }
  }
  return Out;
}

llvm::DenseSet<const Stmt *> eventStatements(const FunctionEvents &Events) {
  llvm::DenseSet<const Stmt *> Out;
  for (const DbEvent &E : Events.Events)
    Out.insert(E.At);
  return Out;
}

/// The variable that names the connection a call runs on: the object of a
/// method (not through a pointer), or a free function's first argument.
const VarDecl *connectionOf(const Stmt *Call) {
  const Expr *Object = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const auto *Callee = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
    if (!Callee || Callee->isArrow())
      return nullptr;
    Object = MC->getImplicitObjectArgument();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (!isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) ||
        Op->getNumArgs() == 0)
      return nullptr;
    Object = Op->getArg(0);
  } else if (const auto *C = dyn_cast<CallExpr>(Call)) {
    if (C->getNumArgs() == 0)
      return nullptr;
    Object = C->getArg(0);
  }
  const auto *Ref = Object ? dyn_cast<DeclRefExpr>(stripWrappers(Object))
                           : nullptr;
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return V && !V->isStaticDataMember() ? V : nullptr;
}

/// Whether \p Name is free in \p FD: neither declared nor used there.
bool nameIsFree(const FunctionDecl *FD, llvm::StringRef Name) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    explicit Finder(llvm::StringRef Name) : Name(Name) {}
    bool VisitNamedDecl(NamedDecl *D) { return !named(D); }
    bool VisitDeclRefExpr(DeclRefExpr *E) { return !named(E->getDecl()); }
    bool VisitMemberExpr(MemberExpr *E) { return !named(E->getMemberDecl()); }
    bool Found = false;

  private:
    bool named(const NamedDecl *D) {
      if (D && D->getIdentifier() && D->getName() == Name)
        Found = true;
      return Found;
    }
    llvm::StringRef Name;
  } F(Name);
  F.TraverseDecl(const_cast<FunctionDecl *>(FD));
  return !F.Found;
}

/// The autocommit handle both events run through, declared in a block of
/// \p FD, and the begin event that constructs it.
const DbEvent *sharedAutocommitHandle(const FunctionEvents &Events,
                                      const DbEvent &Read,
                                      const DbEvent &Write) {
  if (Read.Slot == 0 || Read.Slot != Write.Slot ||
      Read.Slot >= Events.SlotDecls.size())
    return nullptr;
  const auto *V = dyn_cast_or_null<VarDecl>(Events.SlotDecls[Read.Slot]);
  if (!V || !V->isLocalVarDecl() || !V->getInit())
    return nullptr;
  const DbEvent *Begin = nullptr;
  for (const DbEvent &E : Events.Events) {
    if (E.Slot != Read.Slot)
      continue;
    if (E.Kind == EventKind::End)
      return nullptr; // Committed or rolled back by hand already.
    if (E.Kind == EventKind::Begin && E.Autocommit &&
        E.At == stripWrappers(V->getInit()))
      Begin = &E;
  }
  return Begin;
}

FixOrNote handleToTransaction(const FixSite &Site, const DbEvent &Begin,
                              const std::vector<FixItHint> &LockRead) {
  const FixTemplates &T = Begin.Library->Fixes;
  const auto *V = cast<VarDecl>(Site.Events.SlotDecls[Begin.Slot]);
  std::string Name = V->getName().str();
  std::string Commit = instantiate(T.CommitStatement, Name, "");
  FixOrNote Out;
  Out.Note = "to run the read and the write in one transaction, declare " +
             ("'" + Name + "' as '" + T.TransactionType + "' and call '") +
             Commit + "' on each normal exit";

  auto Pos = positionInBlock(Site.Function->getBody(), Begin.At);
  if (!Pos || !isa<DeclStmt>(Pos->Statement) ||
      !cast<DeclStmt>(Pos->Statement)->isSingleDecl() ||
      V->getType()->getContainedAutoType() || !V->getTypeSourceInfo())
    return Out;
  SourceRange TypeRange = V->getTypeSourceInfo()->getTypeLoc().getSourceRange();
  if (TypeRange.isInvalid() || TypeRange.getBegin().isMacroID() ||
      TypeRange.getEnd().isMacroID())
    return Out;
  auto Exits = onEveryNormalExit(Pos->Block, Pos->Index + 1, Commit,
                                 eventStatements(Site.Events), Site.Ctx);
  if (!Exits)
    return Out;
  Out.Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(TypeRange), T.TransactionType));
  llvm::append_range(Out.Fixes, *Exits);
  llvm::append_range(Out.Fixes, LockRead);
  return Out;
}

FixOrNote beginOnConnection(const FixSite &Site, const DbEvent &Read,
                            const DbEvent &Write,
                            const std::vector<FixItHint> &LockRead) {
  const FixTemplates &T = Read.Library->Fixes;
  const VarDecl *Connection = connectionOf(Read.At);
  if (connectionOf(Write.At) != Connection)
    Connection = nullptr;
  std::string Db = Connection ? Connection->getName().str() : "...";
  const char *const Names[] = {"tx", "txn", "transaction"};
  const char *const *Name = llvm::find_if(Names, [&](const char *N) {
    return nameIsFree(Site.Function, N);
  });
  std::string Tx = Name == std::end(Names) ? "tx" : *Name;
  std::string BeginText = instantiate(T.BeginStatement, Tx, Db);
  std::string Commit = instantiate(T.CommitStatement, Tx, Db);
  FixOrNote Out;
  Out.Note = "to run the read and the write in one transaction, write '" +
             BeginText + "' before the read and '" + Commit +
             "' on each normal exit after the write";

  const Stmt *Body = Site.Function->getBody();
  auto Pos = positionInBlock(Body, Read.At);
  if (!Connection || Name == std::end(Names) || !Pos)
    return Out;
  const SourceManager &SM = Site.Ctx.getSourceManager();
  SourceLocation At = Pos->Statement->getBeginLoc();
  if (!isa<ParmVarDecl>(Connection) &&
      !SM.isBeforeInTranslationUnit(Connection->getEndLoc(), At))
    return Out;
  // The write must stay inside the new transaction's block.
  auto WritePath = pathTo(Body, Write.At);
  const Stmt *const *InBlock = llvm::find(WritePath, Pos->Block);
  if (InBlock == WritePath.end() || InBlock + 1 == WritePath.end() ||
      SM.isBeforeInTranslationUnit(InBlock[1]->getBeginLoc(), At))
    return Out;
  auto LineStart = startOfLineBefore(At, Site.Ctx);
  auto Exits = onEveryNormalExit(Pos->Block, Pos->Index, Commit,
                                 eventStatements(Site.Events), Site.Ctx);
  if (!LineStart || !Exits)
    return Out;
  Out.Fixes.push_back(FixItHint::CreateInsertion(
      *LineStart, indentationOf(At, Site.Ctx) + BeginText + "\n"));
  llvm::append_range(Out.Fixes, *Exits);
  llvm::append_range(Out.Fixes, LockRead);
  return Out;
}

} // namespace

FixOrNote openTransaction(const FixSite &Site, const DbEvent &Read,
                          const DbEvent &Write,
                          const std::vector<FixItHint> &LockRead) {
  if (Read.Origin || Write.Origin || !Read.Library ||
      Read.Library != Write.Library)
    return {};
  const FixTemplates &T = Read.Library->Fixes;
  if (T.CommitStatement.empty())
    return {};
  if (const DbEvent *Handle =
          sharedAutocommitHandle(Site.Events, Read, Write)) {
    if (T.TransactionType.empty())
      return {};
    return handleToTransaction(Site, *Handle, LockRead);
  }
  if (Read.Slot != 0 || Write.Slot != 0 || T.BeginStatement.empty())
    return {};
  return beginOnConnection(Site, Read, Write, LockRead);
}

} // namespace dbrace::fixes
