//===--- Trace.cpp - What the analysis saw and decided, for --explain -----===//

#include "Trace.h"
#include "AstNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include <atomic>

using namespace clang;

namespace dbrace::trace {

namespace {
std::atomic<Sink *> TheSink{nullptr};
} // namespace

void setSink(Sink *S) { TheSink = S; }
Sink *sink() { return TheSink; }

Place placeOf(SourceLocation Loc, const SourceManager &SM) {
  Place P;
  if (Loc.isInvalid())
    return P;
  SourceLocation File = SM.getFileLoc(Loc);
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(File);
  P.File = SM.getFilename(File).str();
  P.Offset = Decomposed.second;
  P.Line = SM.getLineNumber(Decomposed.first, Decomposed.second);
  P.Column = SM.getColumnNumber(Decomposed.first, Decomposed.second);
  return P;
}

namespace {

RuleRef callRuleRef(const ApiModel::CallMatch &M) {
  RuleRef R;
  R.Library = M.Library->Library;
  R.RulesFile = M.Library->SourcePath;
  R.Name = M.Rule->Name;
  R.Action = M.Rule->Action;
  for (const CallRule &Other : M.Library->Calls) {
    if (&Other == M.Rule)
      break;
    R.Occurrence += Other.Name == M.Rule->Name;
  }
  return R;
}

RuleRef typeRuleRef(const ApiModel::TypeMatch &M) {
  RuleRef R;
  R.Library = M.Library->Library;
  R.RulesFile = M.Library->SourcePath;
  R.Name = M.Rule->Name;
  R.IsType = true;
  R.Role = M.Rule->Role;
  for (const TypeRule &Other : M.Library->Types) {
    if (&Other == M.Rule)
      break;
    R.Occurrence += Other.Name == M.Rule->Name;
  }
  return R;
}

/// Walks one function body for the calls worth explaining.
class CallFinder {
public:
  CallFinder(const FunctionDecl *FD, ASTContext &Ctx, const ApiModel &Model,
             SqlTextResolver &Resolver, std::optional<sqlfacts::Dialect> D,
             const FunctionEvents &Events)
      : FD(FD), Ctx(Ctx), SM(Ctx.getSourceManager()), Model(Model),
        Resolver(Resolver), Dialect(D), Events(Events) {
    for (const LibraryRules &L : Model.libraries()) {
      for (const CallRule &C : L.Calls)
        if (size_t Colon = llvm::StringRef(C.Name).rfind("::");
            Colon != llvm::StringRef::npos)
          RuleClasses.insert(llvm::StringRef(C.Name).substr(0, Colon));
      for (const TypeRule &T : L.Types)
        RuleClasses.insert(T.Name);
    }
  }

  Function run() {
    Function F;
    F.Name = qualifiedName(FD);
    F.Begin = placeOf(FD->getBeginLoc(), SM);
    F.EndLine = placeOf(FD->getEndLoc(), SM).Line;
    for (unsigned I = 0; I < Events.Events.size(); ++I)
      F.Events.push_back(eventOf(Events.Events[I]));
    walk(FD->getBody());
    for (const auto &[Stmt, Indices] : Events.ByStmt)
      if (!Seen.count(Stmt))
        addCall(Stmt, nullptr, nullptr);
    F.Calls = std::move(Calls);
    llvm::stable_sort(F.Calls, [](const Call &A, const Call &B) {
      return A.At.Offset < B.At.Offset;
    });
    return F;
  }

private:
  Event eventOf(const DbEvent &E) {
    Event Out;
    Out.Kind = E.Kind;
    Out.At = placeOf(E.At ? E.At->getBeginLoc() : SourceLocation(), SM);
    Out.Tables = E.Tables;
    Out.WriteKind = E.WriteKind;
    Out.Lock = E.Lock;
    Out.Certain = !E.Facts || E.Facts->Certain;
    Out.ResultUsed = E.ResultUsed;
    if (E.Origin) {
      Out.Helper = E.OriginFunction;
      Out.InHelper = placeOf(E.Origin->getBeginLoc(), SM);
    }
    return Out;
  }

  void walk(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        addCall(Call, Callee, objectOfCall(Call));
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      addCall(Construct, Construct->getConstructor(), nullptr);
    }
    for (const Stmt *Child : S->children())
      walk(Child);
  }

  /// Adds \p S when a rule, a summary or an event stands at it, or when it
  /// calls a method of a class the rules know that no rule covers.
  void addCall(const Stmt *S, const FunctionDecl *Callee, const Expr *Object) {
    Seen.insert(S);
    Call C;
    C.At = placeOf(S->getBeginLoc(), SM);
    auto Found = Events.ByStmt.find(S);
    if (Found != Events.ByStmt.end())
      C.Events.assign(Found->second.begin(), Found->second.end());
    if (Callee) {
      C.Callee = qualifiedName(Callee);
      for (const ApiModel::CallMatch &M : matchingRules(Model, Callee, Object))
        C.Rules.push_back(callRuleRef(M));
      if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee))
        if (const ApiModel::TypeMatch *T =
                Model.type(qualifiedName(Ctor->getParent())))
          C.Rules.push_back(typeRuleRef(*T));
    } else if (!C.Events.empty()) {
      C.Callee = Events.Events[C.Events.front()].Callee;
    }
    if (!classify(C, Callee))
      return;
    describeSql(C, S);
    Calls.push_back(std::move(C));
  }

  /// Sets how \p C was recognised; false when it is nothing to explain.
  bool classify(Call &C, const FunctionDecl *Callee) {
    if (!C.Rules.empty()) {
      C.How = Recognition::Rule;
      return true;
    }
    for (unsigned I : C.Events)
      if (!Events.Events[I].OriginFunction.empty()) {
        C.How = Recognition::Summary;
        C.Helper = Events.Events[I].OriginFunction;
        return true;
      }
    if (!C.Events.empty())
      return true;
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (!Method || isa<CXXConstructorDecl, CXXDestructorDecl>(Method))
      return false;
    for (const std::string &Class : classAndBases(Method->getParent()))
      if (RuleClasses.contains(Class)) {
        C.How = Recognition::Unmatched;
        return true;
      }
    return false;
  }

  const FunctionEvents::SqlNotUnderstood *notUnderstood(const Stmt *S) const {
    for (const FunctionEvents::SqlNotUnderstood &U : Events.NotUnderstood)
      if (U.At == S)
        return &U;
    return nullptr;
  }

  sqlfacts::Dialect dialectOf(const Call &C) const {
    if (Dialect)
      return *Dialect;
    for (const LibraryRules &L : Model.libraries())
      if (!C.Rules.empty() && L.Library == C.Rules.front().Library)
        return L.Dialect;
    return sqlfacts::Dialect::PostgreSQL;
  }

  /// \p ReadIn: the dialect the collector read the text in, when the code
  /// picked one other than the library's.
  void setText(Call &C, const RecoveredSql &Sql,
               std::optional<sqlfacts::Dialect> ReadIn = std::nullopt) {
    if (!Sql.Known()) {
      C.Sql = SqlStatus::NotRecovered;
      if (Sql.Root)
        C.SqlSource = Lexer::getSourceText(CharSourceRange::getTokenRange(
                                               Sql.Root->getSourceRange()),
                                           SM, Ctx.getLangOpts())
                          .str();
      return;
    }
    C.SqlText = Sql.Text;
    const sqlfacts::SqlFacts &Facts = sqlfacts::analyzeSql(
        Sql.Text, ReadIn && !Dialect ? *ReadIn : dialectOf(C));
    C.Sql = Facts.ParseError.empty() ? SqlStatus::Parsed : SqlStatus::NotParsed;
    C.ParseError = Facts.ParseError;
  }

  void describeSql(Call &C, const Stmt *S) {
    for (unsigned I : C.Events) {
      const DbEvent &E = Events.Events[I];
      if (E.SqlParam >= 0) {
        C.Sql = SqlStatus::Parameter;
        C.SqlParameter = E.SqlParam;
        return;
      }
      if (E.Sql && E.Origin == nullptr)
        return setText(C, *E.Sql, E.SqlDialect);
    }
    if (const FunctionEvents::SqlNotUnderstood *U = notUnderstood(S))
      return setText(C, *U->Sql);
    describeUnrunSql(C, S);
  }

  /// SQL a rule expects at a call that ran none: the text prepared or
  /// kept for later, or a prepared statement not found.
  void describeUnrunSql(Call &C, const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    for (const ApiModel::CallMatch &M :
         Call && Call->getDirectCallee()
             ? matchingRules(Model, Call->getDirectCallee(), objectOfCall(Call))
             : llvm::SmallVector<ApiModel::CallMatch, 2>()) {
      const CallRule &Rule = *M.Rule;
      if (Rule.Action == CallAction::ExecutePrepared && C.Events.empty()) {
        C.Sql = SqlStatus::NotFound;
        return;
      }
      if (!Rule.SqlArg || (Rule.Action != CallAction::Execute &&
                           Rule.Action != CallAction::Prepare))
        continue;
      unsigned Skip = isa<CXXOperatorCallExpr>(Call) &&
                      isa<CXXMethodDecl>(Call->getDirectCallee());
      if (*Rule.SqlArg + Skip < Call->getNumArgs())
        return setText(C, Resolver.resolve(Call->getArg(*Rule.SqlArg + Skip),
                                           FD->getBody()));
    }
  }

  const FunctionDecl *FD;
  ASTContext &Ctx;
  const SourceManager &SM;
  const ApiModel &Model;
  SqlTextResolver &Resolver;
  std::optional<sqlfacts::Dialect> Dialect;
  const FunctionEvents &Events;
  llvm::StringSet<> RuleClasses;
  llvm::SmallPtrSet<const Stmt *, 16> Seen;
  std::vector<Call> Calls;
};

State stateOf(const ConnectionState &S, const SourceManager &SM) {
  State Out;
  switch (S.Tx) {
  case TxNone:
    Out.Tx = TxState::None;
    break;
  case TxAutocommit:
    Out.Tx = TxState::Autocommit;
    break;
  case TxUnknown:
    Out.Tx = TxState::Unknown;
    break;
  case TxCaller:
    Out.Tx = TxState::Caller;
    break;
  default:
    Out.Tx = TxState::Begun;
  }
  if (S.BeginAt)
    Out.BeginAt = placeOf(S.BeginAt->getBeginLoc(), SM);
  Out.IsolationLevel = S.IsolationLevel;
  if (S.LockAt)
    Out.LockAt = placeOf(S.LockAt->getBeginLoc(), SM);
  Out.LockedTables = S.LockedTables;
  Out.CoversNewRows = S.CoversNewRows;
  if (S.SessionLockAt)
    Out.SessionLockAt = placeOf(S.SessionLockAt->getBeginLoc(), SM);
  return Out;
}

} // namespace

Function describeCalls(const FunctionDecl *FD, ASTContext &Ctx,
                       const ApiModel &Model, SqlTextResolver &Resolver,
                       std::optional<sqlfacts::Dialect> Dialect,
                       const FunctionEvents &Events) {
  return CallFinder(FD, Ctx, Model, Resolver, Dialect, Events).run();
}

void describeStates(Function &F, const TransactionFlow &Flow,
                    const SourceManager &SM) {
  for (unsigned I = 0; I < F.Events.size() && I < Flow.Before.size(); ++I) {
    F.Events[I].Reached = Flow.Reached[I];
    F.Events[I].Before = stateOf(Flow.Before[I], SM);
  }
}

Pair describePair(const FunctionEvents &Events, unsigned R, unsigned W,
                  PairVerdict V, const RacePair *P, const SourceManager &SM) {
  const DbEvent &Read = Events.Events[R], &Write = Events.Events[W];
  Pair Out;
  Out.Read = R;
  Out.Write = W;
  Out.ReadAt = placeOf(Read.At->getBeginLoc(), SM);
  Out.WriteAt = placeOf(Write.At->getBeginLoc(), SM);
  Out.Verdict = V;
  if (!Read.Tables.empty())
    Out.ReadTable = Read.Tables.front();
  if (!Write.Tables.empty())
    Out.WriteTable = Write.Tables.front();
  Out.ReadLock = Read.Lock;
  Out.WriteResultUsed = Write.ResultUsed;
  if (Write.Facts)
    Out.WriteGuardColumns = Write.Facts->GuardColumns;
  if (P) {
    Out.Table = P->Entity;
    Out.CheckAt = placeOf(P->Check, SM);
    Out.Consumed = P->Check.isInvalid();
    Out.Protected = P->Protected;
    Out.Relation = P->Relation;
  }
  return Out;
}

} // namespace dbrace::trace
