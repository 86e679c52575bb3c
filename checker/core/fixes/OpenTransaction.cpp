//===--- OpenTransaction.cpp - A transaction where there is none ----------===//

#include "../AstNames.h"
#include "Headers.h"
#include "Retype.h"
#include "ScopeExits.h"
#include "SourceEdits.h"
#include "TransactionFixes.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace dbrace::fixes {

namespace {

/// \p Template with `$tx` and `$db` filled in; `$db.` becomes `$db->` for
/// a connection reached through a pointer (\p Arrow).
std::string instantiate(llvm::StringRef Template, llvm::StringRef Tx,
                        llvm::StringRef Db, bool Arrow = false) {
  std::string Out;
  while (!Template.empty()) {
    if (Template.consume_front("$tx"))
      Out += Tx;
    else if (Template.consume_front("$db")) {
      // An unknown connection, `...`, reads as one expression before `.`.
      Out += Db == "..." && Template.starts_with(".") ? "(...)" : Db.str();
      if (Arrow && Template.consume_front("."))
        Out += "->";
    } else {
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
const VarDecl *objectOf(const Stmt *Call) {
  const auto *C = dyn_cast<CallExpr>(Call);
  if (!C)
    return nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
    if (const auto *Callee =
            dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
        !Callee || Callee->isArrow())
      return nullptr;
  const Expr *Object = objectOfCall(C);
  if (!isa<CXXMemberCallExpr, CXXOperatorCallExpr>(C) && C->getNumArgs() > 0)
    Object = C->getArg(0);
  const auto *Ref =
      Object ? dyn_cast<DeclRefExpr>(stripWrappers(Object)) : nullptr;
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return V && !V->isStaticDataMember() ? V : nullptr;
}

/// The calls in \p S that prepare a statement into \p Handle by the rules of
/// \p Library: a free function whose result argument is `&Handle`
/// (`prepare(db, sql, n, &stmt, tail)`).
void preparesInto(const Stmt *S, const VarDecl *Handle,
                  const LibraryRules &Library,
                  llvm::SmallVectorImpl<const CallExpr *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  const auto *C = dyn_cast<CallExpr>(S);
  const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
  if (Callee && !isa<CXXMethodDecl>(Callee)) {
    std::string Name = qualifiedName(Callee);
    for (const CallRule &Rule : Library.Calls) {
      if (Rule.Action != CallAction::Prepare ||
          Rule.Result != ResultKind::Argument || Rule.ResultArgs.empty() ||
          (Rule.Name != Name && Rule.Name != "::" + Name) ||
          Rule.ResultArgs.front() >= C->getNumArgs())
        continue;
      const auto *Address = dyn_cast<UnaryOperator>(
          C->getArg(Rule.ResultArgs.front())->IgnoreParenImpCasts());
      const auto *Ref =
          Address && Address->getOpcode() == UO_AddrOf
              ? dyn_cast<DeclRefExpr>(Address->getSubExpr()->IgnoreParens())
              : nullptr;
      if (Ref && Ref->getDecl() == Handle)
        Out.push_back(C);
    }
  }
  for (const Stmt *Child : S->children())
    preparesInto(Child, Handle, Library, Out);
}

/// A statement handle's connection: the one variable that every prepare
/// into \p Handle in \p Body runs on. A C API runs a prepared statement
/// through its handle alone (`step(stmt)`); the connection is named only
/// where it was prepared.
const VarDecl *preparedOn(const VarDecl *Handle, const Stmt *Body,
                          const LibraryRules &Library) {
  llvm::SmallVector<const CallExpr *, 2> Prepares;
  preparesInto(Body, Handle, Library, Prepares);
  const VarDecl *Connection = nullptr;
  for (const CallExpr *Prepare : Prepares) {
    const VarDecl *On = objectOf(Prepare);
    if (!On || (Connection && On != Connection))
      return nullptr;
    Connection = On;
  }
  return Connection;
}

/// A connection variable, and whether it is reached through a pointer.
struct DbVariable {
  const VarDecl *Var = nullptr;
  bool Arrow = false;
};

/// Whether \p V holds an object of class \p Type: itself, by reference,
/// through a pointer or through a smart pointer (a class template with an
/// `operator->` whose first argument is \p Type).
std::optional<DbVariable> asConnection(const VarDecl *V, llvm::StringRef Type) {
  if (!V || V->isStaticDataMember())
    return std::nullopt;
  QualType T = V->getType().getNonReferenceType();
  bool Arrow = false;
  if (T->isPointerType()) {
    T = T->getPointeeType();
    Arrow = true;
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (RD && !Arrow && !llvm::is_contained(classAndBases(RD), Type)) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    bool Pointer =
        Spec && Spec->hasDefinition() &&
        llvm::any_of(Spec->getDefinition()->methods(), [](const auto *M) {
          return M->getOverloadedOperator() == OO_Arrow;
        });
    RD = nullptr;
    if (Pointer && Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
      RD = Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
      Arrow = true;
    }
  }
  if (!RD || !llvm::is_contained(classAndBases(RD), Type))
    return std::nullopt;
  return DbVariable{V, Arrow};
}

/// The connection variables \p E mentions.
void connectionsIn(const Stmt *S, llvm::StringRef Type,
                   llvm::SmallVectorImpl<DbVariable> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (auto C = asConnection(dyn_cast<VarDecl>(Ref->getDecl()), Type))
      if (llvm::none_of(Out,
                        [&](const DbVariable &O) { return O.Var == C->Var; }))
        Out.push_back(*C);
  for (const Stmt *Child : S->children())
    connectionsIn(Child, Type, Out);
}

/// The connection a statement runs on. Without a connection type in the
/// rules, the object of \p Call (objectOf). With one, the only variable of
/// that type among the call's object and arguments, or, where those are
/// objects made from the connection (`Query q(db)`,
/// `stmt(con->createStatement())`), in their initialisers.
std::optional<DbVariable>
connectionOf(const Stmt *Call, const LibraryRules &Library, const Stmt *Body) {
  const FixTemplates &T = Library.Fixes;
  if (T.ConnectionType.empty()) {
    const VarDecl *V = objectOf(Call);
    if (!V)
      return std::nullopt;
    if (const VarDecl *Connection = preparedOn(V, Body, Library))
      V = Connection;
    return DbVariable{V, false};
  }
  llvm::SmallVector<const Expr *, 4> Operands;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    Operands.push_back(MC->getImplicitObjectArgument());
  if (const auto *C = dyn_cast<CallExpr>(Call))
    Operands.append(C->arg_begin(), C->arg_end());
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call))
    Operands.append(Construct->arg_begin(), Construct->arg_end());
  llvm::SmallVector<DbVariable, 2> Found;
  for (const Expr *Operand : Operands) {
    const auto *V =
        Operand ? dyn_cast_or_null<VarDecl>(rootDecl(Operand)) : nullptr;
    if (!V)
      continue;
    if (auto C = asConnection(V, T.ConnectionType)) {
      if (llvm::none_of(Found, [&](const DbVariable &O) { return O.Var == V; }))
        Found.push_back(*C);
    } else if (V->isLocalVarDecl() && V->getInit()) {
      connectionsIn(V->getInit(), T.ConnectionType, Found);
    }
  }
  if (Found.size() != 1)
    return std::nullopt;
  return Found.front();
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
  if (Read.Connection == 0 || Read.Connection != Write.Connection ||
      Read.Connection >= Events.ConnectionDecls.size())
    return nullptr;
  const auto *V =
      dyn_cast_or_null<VarDecl>(Events.ConnectionDecls[Read.Connection]);
  if (!V || !V->isLocalVarDecl() || !V->getInit())
    return nullptr;
  const DbEvent *Begin = nullptr;
  for (const DbEvent &E : Events.Events) {
    if (E.Connection != Read.Connection)
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
  const auto *V = cast<VarDecl>(Site.Events.ConnectionDecls[Begin.Connection]);
  std::string Name = V->getName().str();
  std::string Commit = instantiate(T.CommitStatement, Name, "");
  FixOrNote Out;
  Out.Advice.What = FixAdvice::Kind::DeclareAsTransaction;
  Out.Advice.Variable = Name;
  Out.Advice.Type = T.TransactionType;
  Out.Advice.Commit = Commit;

  // The new type must be declared for its uses to be checked below: where
  // it is not, the note names its header.
  // The new type must be declared for its uses to be checked below: where
  // it is not, the advice names its header.
  for (std::string &H : headerFor(T.TransactionType, T.Headers.TransactionType,
                                  V->getBeginLoc(), Site.Ctx))
    Out.Advice.TypeHeader = std::move(H);
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
  // Every use of the handle must still compile with the new type.
  if (auto Blocker =
          retypeBlocker(Site.Function, V, T.TransactionType, Site.Ctx)) {
    if (Blocker->Use)
      Out.MoreNotes.push_back(Blocker->Blocker);
    return Out;
  }
  Out.Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(TypeRange), T.TransactionType));
  llvm::append_range(Out.Fixes, *Exits);
  Out.Headers = headerFor(T.CommitStatement, T.Headers.CommitStatement,
                          TypeRange.getBegin(), Site.Ctx);
  llvm::append_range(Out.Fixes, LockRead);
  return Out;
}

FixOrNote beginOnConnection(const FixSite &Site, const DbEvent &Read,
                            const DbEvent &Write,
                            const std::vector<FixItHint> &LockRead) {
  const FixTemplates &T = Read.Library->Fixes;
  const Stmt *Body = Site.Function->getBody();
  std::optional<DbVariable> Db = connectionOf(Read.At, *Read.Library, Body);
  std::optional<DbVariable> WriteDb =
      connectionOf(Write.At, *Read.Library, Body);
  if (!WriteDb || !Db || WriteDb->Var != Db->Var)
    Db = std::nullopt;
  const VarDecl *Connection = Db ? Db->Var : nullptr;
  bool Arrow = Db && Db->Arrow;
  std::string DbName = Connection ? Connection->getName().str() : "...";
  const char *const Names[] = {"tx", "txn", "transaction"};
  const char *const *Name = llvm::find_if(
      Names, [&](const char *N) { return nameIsFree(Site.Function, N); });
  std::string Tx = Name == std::end(Names) ? "tx" : *Name;
  std::string BeginText = instantiate(T.BeginStatement, Tx, DbName, Arrow);
  std::string Commit = instantiate(T.CommitStatement, Tx, DbName, Arrow);
  FixOrNote Out;
  Out.Advice.What = FixAdvice::Kind::BeginAndCommit;
  Out.Advice.Begin = BeginText;
  Out.Advice.Commit = Commit;

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
  // A transaction whose destructor commits needs nothing on the exits.
  auto Exits = Commit.empty()
                   ? std::optional<std::vector<FixItHint>>(std::in_place)
                   : onEveryNormalExit(Pos->Block, Pos->Index, Commit,
                                       eventStatements(Site.Events), Site.Ctx);
  if (!LineStart || !Exits)
    return Out;
  Out.Fixes.push_back(FixItHint::CreateInsertion(
      *LineStart, indentationOf(At, Site.Ctx) + BeginText + "\n"));
  llvm::append_range(Out.Fixes, *Exits);
  for (auto [Template, Header] :
       {std::pair(T.BeginStatement, T.Headers.BeginStatement),
        std::pair(T.CommitStatement, T.Headers.CommitStatement)})
    for (std::string &H : headerFor(Template, Header, *LineStart, Site.Ctx))
      if (!llvm::is_contained(Out.Headers, H))
        Out.Headers.push_back(std::move(H));
  llvm::append_range(Out.Fixes, LockRead);
  return Out;
}

} // namespace

FixOrNote openTransaction(const FixSite &Site, const DbEvent &Read,
                          const DbEvent &Write,
                          const std::vector<FixItHint> &LockRead) {
  // A helper's read-check-write left to this caller runs within the call:
  // the transaction goes around it. Other events of helpers are not placed.
  bool WithinCall = Read.DecidesOwnWrites && Read.At == Write.At;
  if (((Read.Origin || Write.Origin) && !WithinCall) || !Read.Library ||
      Read.Library != Write.Library)
    return {};
  const FixTemplates &T = Read.Library->Fixes;
  if (const DbEvent *Handle =
          sharedAutocommitHandle(Site.Events, Read, Write)) {
    if (T.TransactionType.empty() || T.CommitStatement.empty())
      return {};
    return handleToTransaction(Site, *Handle, LockRead);
  }
  if (Read.Connection != 0 || Write.Connection != 0 || T.BeginStatement.empty())
    return {};
  // Without a commit the transaction would roll back, unless its
  // destructor commits.
  if (T.CommitStatement.empty() && !beginCommitsOnDestroy(*Read.Library))
    return {};
  return beginOnConnection(Site, Read, Write, LockRead);
}

} // namespace dbrace::fixes
