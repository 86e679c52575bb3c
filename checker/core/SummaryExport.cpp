//===--- SummaryExport.cpp - Summaries written out for other units --------===//

#include "SummaryExport.h"
#include "AstNames.h"
#include "FixedSql.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <atomic>

using namespace clang;
using namespace dbrace;

namespace {

std::atomic<SummarySink *> CurrentSink{nullptr};

/// The parameter of \p FD that \p E is (or reads a member of), or -1.
int parameterOf(const Expr *E, const FunctionDecl *FD) {
  const auto *P = dyn_cast_or_null<ParmVarDecl>(E ? rootDecl(E) : nullptr);
  return P && P->getDeclContext() == FD
             ? static_cast<int>(P->getFunctionScopeIndex())
             : -1;
}

/// \p Sql as `sql:` writes it: its holes as `{N}` where they are
/// parameter N of \p FD, else `{?}`.
std::string fixedText(const RecoveredSql &Sql, const FunctionDecl *FD) {
  std::string Out;
  llvm::StringRef Text = Sql.Text;
  size_t Literal = 0;
  auto Flush = [&](size_t End) {
    Out += escapeFixedSql(Text.slice(Literal, End));
  };
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '$')
      continue;
    size_t End = I + 1;
    while (End < Text.size() && isDigit(Text[End]))
      ++End;
    unsigned N = 0;
    if (Text.slice(I + 1, End).getAsInteger(10, N) || N < FirstHoleParam ||
        N - FirstHoleParam >= Sql.Holes.size())
      continue;
    Flush(I);
    int P = parameterOf(Sql.Holes[N - FirstHoleParam], FD);
    Out += P >= 0 ? "{" + std::to_string(P) + "}" : "{?}";
    Literal = End;
    I = End - 1;
  }
  Flush(Text.size());
  return Out;
}

/// The placeholders bound to \p FD's parameters, `$1` first.
std::vector<int>
placeholderParams(const llvm::DenseMap<int, const Expr *> &Params,
                  const FunctionDecl *FD) {
  std::vector<int> Out;
  for (const auto &[Placeholder, Value] : Params)
    if (Placeholder > 0 && Placeholder < FirstHoleParam) {
      if (Out.size() < static_cast<size_t>(Placeholder))
        Out.resize(Placeholder, -1);
      Out[Placeholder - 1] = parameterOf(Value, FD);
    }
  while (!Out.empty() && Out.back() < 0)
    Out.pop_back();
  return Out;
}

void setResult(CallRule &R, const SummaryEvent &S) {
  R.DecidesWrites = S.DecidesOwnWrites;
  if (S.Returned) {
    R.Result = ResultKind::Return;
  } else if (!S.ResultParams.empty()) {
    R.Result = ResultKind::Argument;
    R.ResultArgs = S.ResultParams;
  } else {
    R.Result = ResultKind::None;
  }
}

/// The rule that makes a call do what \p S does; none when rules cannot
/// say it.
std::optional<CallRule> ruleOf(const SummaryEvent &S, const FunctionDecl *FD) {
  CallRule R;
  if (S.ViaParam >= 0)
    R.ConnectionArg = S.ViaParam;
  if (S.SqlParam >= 0) {
    R.Action = CallAction::Execute;
    R.SqlArg = S.SqlParam;
    for (const auto &[Placeholder, Param] : S.ParamArgs)
      if (Placeholder > 0 && Placeholder < FirstHoleParam) {
        if (R.SqlParams.size() < static_cast<size_t>(Placeholder))
          R.SqlParams.resize(Placeholder, -1);
        R.SqlParams[Placeholder - 1] = static_cast<int>(Param);
      }
    R.Result = S.Returned ? ResultKind::Return : ResultKind::None;
    return R;
  }
  if (S.Sql && S.Sql->Known()) {
    R.Action = CallAction::Execute;
    R.Sql = fixedText(*S.Sql, FD);
    R.SqlParams = placeholderParams(S.Params, FD);
    setResult(R, S);
    return R;
  }
  switch (S.Kind) {
  case EventKind::Begin:
    R.Action = S.Autocommit ? CallAction::Autocommit : CallAction::Begin;
    R.IsolationLevel = S.IsolationLevel;
    R.Chain = S.Chain;
    if (S.CoversNewRows)
      R.Mode = sqlfacts::BeginMode::Immediate;
    return R;
  case EventKind::End:
    R.Action =
        isa<CXXDestructorDecl>(FD) ? CallAction::Rollback : CallAction::Commit;
    return R;
  case EventKind::Slow:
    R.Action = CallAction::Slow;
    return R;
  case EventKind::Read:
  case EventKind::Write:
    if (S.Tables.size() != 1)
      return std::nullopt;
    R.Action = S.Kind == EventKind::Read ? CallAction::Read : CallAction::Write;
    R.Entity = S.Tables.front();
    R.KeyArgs = S.KeyParams;
    if (S.Kind == EventKind::Read)
      setResult(R, S);
    else {
      R.WriteKind = S.WriteKind;
      R.Versioned = S.Protected;
    }
    return R;
  default:
    return std::nullopt;
  }
}

/// The calls \p FD makes to other functions of the project.
class CallFinder {
public:
  CallFinder(const FunctionDecl *FD, ASTContext &Ctx, const ApiModel &Model,
             SqlTextResolver &Resolver, ExportedFunction &Out)
      : FD(FD), Ctx(Ctx), SM(Ctx.getSourceManager()), Model(Model),
        Resolver(Resolver), Out(Out.Calls), LambdaOut(Out.LambdaCallees) {}

  void run() {
    findReturned(FD->getBody());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten())
          walk(Init->getInit(), false);
    walk(FD->getBody(), false);
  }

private:
  /// The variables a return statement's value is computed from.
  void findReturned(const Stmt *S, bool InReturn = false) {
    if (!S || isa<LambdaExpr>(S))
      return;
    InReturn |= isa<ReturnStmt>(S);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && InReturn)
      ReturnedDecls.insert(Ref->getDecl());
    for (const Stmt *Child : S->children())
      findReturned(Child, InReturn);
  }

  void walk(const Stmt *S, bool InReturn) {
    if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(S)) {
      walkLambda(Lambda->getBody());
      return;
    }
    if (!S)
      return;
    if (isa<ReturnStmt>(S))
      InReturn = true;
    const ValueDecl *Saved = Target;
    if (const auto *DS = dyn_cast<DeclStmt>(S); DS && DS->isSingleDecl())
      Target = dyn_cast<VarDecl>(DS->getSingleDecl());
    if (const auto *Call = dyn_cast<CallExpr>(S))
      visit(Call, Call->getDirectCallee(), objectOfCall(Call),
            callArguments(Call), InReturn);
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
      visit(CE, CE->getConstructor(), nullptr,
            llvm::ArrayRef<const Expr *>(CE->getArgs(), CE->getNumArgs()),
            InReturn);
    for (const Stmt *Child : S->children())
      walk(Child, InReturn);
    Target = Saved;
  }

  void walkLambda(const Stmt *S) {
    if (!S)
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      calledInLambda(Call->getDirectCallee(), objectOfCall(Call));
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
      calledInLambda(CE->getConstructor(), nullptr);
    for (const Stmt *Child : S->children())
      walkLambda(Child);
  }

  void calledInLambda(const FunctionDecl *G, const Expr *Object) {
    if (!isProjectFunction(G, Object))
      return;
    if (std::string Key = functionKey(G, SM);
        !llvm::is_contained(LambdaOut, Key))
      LambdaOut.push_back(std::move(Key));
  }

  /// Whether \p G is a function of the project that no rule describes.
  bool isProjectFunction(const FunctionDecl *G, const Expr *Object) {
    if (!G || G == FD || G->isImplicit() || isa<CXXDestructorDecl>(G))
      return false;
    if (const auto *M = dyn_cast<CXXMethodDecl>(G);
        M && M->getParent()->isLambda())
      return false;
    SourceLocation Loc = G->getLocation();
    if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
      return false;
    return matchingRules(Model, G, Object).empty();
  }

  int objectKind(const Expr *Call, const Expr *Object) {
    if (isa<CXXConstructExpr>(Call))
      return DeferredCall::OtherObject;
    if (!Object)
      return SharedObject;
    const Expr *O = Object->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(O))
      return DeferredCall::OwnObject;
    const ValueDecl *D = rootDecl(O);
    if (isa_and_nonnull<FieldDecl>(D))
      return DeferredCall::OwnObject;
    if (int P = parameterOf(O, FD); P >= 0)
      return P;
    const auto *V = dyn_cast_or_null<VarDecl>(D);
    if (V && V->isLocalVarDecl() && !V->getType()->isReferenceType() &&
        !V->getType()->isPointerType() && !V->isStaticLocal())
      return DeferredCall::OtherObject;
    return SharedObject;
  }

  void visit(const Expr *Call, const FunctionDecl *G, const Expr *Object,
             llvm::ArrayRef<const Expr *> Args, bool InReturn) {
    if (!isProjectFunction(G, Object))
      return;
    DeferredCall C;
    C.Callee = functionKey(G, SM);
    C.Order = SM.getFileOffset(SM.getFileLoc(Call->getBeginLoc()));
    C.Object = objectKind(Call, Object);
    C.Returned = InReturn || (Target && ReturnedDecls.count(Target));
    for (const Expr *A : Args) {
      C.ArgParams.push_back(parameterOf(A, FD));
      std::optional<std::string> Text;
      if (A->getType()->isPointerType() || recordOf(A->getType())) {
        RecoveredSql Sql = Resolver.resolve(A, FD->getBody());
        if (Sql.Known())
          Text = fixedText(Sql, FD);
      }
      C.ArgSql.push_back(std::move(Text));
    }
    Out.push_back(std::move(C));
  }

  /// A reference, a pointer, a global or a value some call returns: the
  /// connection the caller's work runs on, whoever holds it.
  static constexpr int SharedObject = -3;

  const FunctionDecl *FD;
  ASTContext &Ctx;
  const SourceManager &SM;
  const ApiModel &Model;
  SqlTextResolver &Resolver;
  std::vector<DeferredCall> &Out;
  std::vector<std::string> &LambdaOut;
  llvm::SmallPtrSet<const ValueDecl *, 4> ReturnedDecls;
  const ValueDecl *Target = nullptr;
};

/// The rules a statement class of the project's own implies: a
/// constructor or method that prepares the text of its parameter into its
/// object (`prepare`), one that runs the statement its object holds
/// (`execute_prepared`), and, in such a class, one that returns its object
/// after taking a value (`bind`, chained).
class StatementClass {
public:
  StatementClass(const FunctionDecl *FD, const ApiModel &Model)
      : FD(FD), Method(dyn_cast<CXXMethodDecl>(FD)), Model(Model) {}

  void addRules(std::vector<ExportedRule> &Out) {
    if (!Method || Method->isStatic() || isa<CXXDestructorDecl>(FD))
      return;
    CallRule R;
    if (std::optional<unsigned> Sql = preparesParameter()) {
      R.Action = CallAction::Prepare;
      R.SqlArg = *Sql;
      R.Result = ResultKind::Object;
    } else if (runsOwnStatement(FD)) {
      R.Action = CallAction::ExecutePrepared;
      R.Result = FD->getReturnType()->isVoidType() ? ResultKind::None
                                                   : ResultKind::Return;
      R.ReturnsRowCount = false;
    } else if (bindsValue() && classRunsStatements()) {
      R.Action = CallAction::Bind;
      R.ValueArg = FD->getNumParams() - 1;
      R.ReturnsWhat = Returns::Object;
    } else {
      return;
    }
    ExportedRule E;
    E.Rule = std::move(R);
    Out.push_back(std::move(E));
  }

private:
  /// Whether \p E is rooted in a field of the class.
  bool ownField(const Expr *E) const {
    // `name_.c_str()`: the text of the field.
    for (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(
             E ? stripWrappers(E) : nullptr);
         MC && MC->getNumArgs() == 0;
         MC = dyn_cast<CXXMemberCallExpr>(stripWrappers(E)))
      E = MC->getImplicitObjectArgument();
    const auto *F = dyn_cast_or_null<FieldDecl>(E ? rootDecl(E) : nullptr);
    return F && F->getParent() == Method->getParent();
  }

  template <typename Fn> void forEachRuleCall(const Stmt *S, Fn &&F) const {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        for (const ApiModel::CallMatch &M :
             matchingRules(Model, Callee, objectOfCall(Call)))
          F(Call, *M.Rule);
    for (const Stmt *Child : S->children())
      forEachRuleCall(Child, F);
  }

  static const Expr *argument(const CallExpr *Call, std::optional<unsigned> N) {
    llvm::ArrayRef<const Expr *> Args = callArguments(Call);
    return N && *N < Args.size() ? Args[*N] : nullptr;
  }

  std::optional<unsigned> preparesParameter() const {
    std::optional<unsigned> Found;
    forEachRuleCall(
        FD->getBody(), [&](const CallExpr *Call, const CallRule &R) {
          if (R.Action != CallAction::Prepare)
            return;
          int P = parameterOf(argument(Call, R.SqlArg), FD);
          const Expr *Name = R.StatementArg ? argument(Call, R.StatementArg)
                                            : objectOfCall(Call);
          if (P >= 0 && ownField(Name))
            Found = static_cast<unsigned>(P);
        });
    return Found;
  }

  bool runsOwnStatement(const FunctionDecl *F) const {
    bool Runs = false;
    forEachRuleCall(F->getBody(), [&](const CallExpr *Call, const CallRule &R) {
      if (R.Action == CallAction::ExecutePrepared &&
          ownField(R.StatementArg ? argument(Call, R.StatementArg)
                                  : objectOfCall(Call)))
        Runs = true;
    });
    return Runs;
  }

  /// Takes a value and returns its own object (`return *this;`).
  bool bindsValue() const {
    QualType T = FD->getReturnType();
    if (!T->isReferenceType() || FD->getNumParams() == 0 ||
        T->getPointeeCXXRecordDecl() != Method->getParent())
      return false;
    bool ReturnsThis = false;
    forEachDescendant(FD->getBody(), [&](const Stmt *S) {
      if (const auto *Ret = dyn_cast<ReturnStmt>(S))
        if (const auto *U = dyn_cast_or_null<UnaryOperator>(
                Ret->getRetValue() ? Ret->getRetValue()->IgnoreParenImpCasts()
                                   : nullptr))
          ReturnsThis |=
              U->getOpcode() == UO_Deref &&
              isa<CXXThisExpr>(U->getSubExpr()->IgnoreParenImpCasts());
    });
    return ReturnsThis;
  }

  bool classRunsStatements() const {
    for (const CXXMethodDecl *M : Method->getParent()->methods())
      if (const FunctionDecl *Def = M->getDefinition();
          Def && Def != FD && Def->hasBody() && runsOwnStatement(Def))
        return true;
    return false;
  }

  const FunctionDecl *FD;
  const CXXMethodDecl *Method;
  const ApiModel &Model;
};

ExportedRule exported(CallRule R, const SummaryEvent &S,
                      const SourceManager &SM) {
  ExportedRule E;
  E.Rule = std::move(R);
  if (S.At)
    E.Order = SM.getFileOffset(SM.getFileLoc(S.At->getBeginLoc()));
  if (S.Library) {
    E.Dialect = S.Library->Dialect;
    E.LockClause = S.Library->Fixes.LockClause;
  }
  return E;
}

} // namespace

SummarySink::~SummarySink() = default;
SummarySink *dbrace::summarySink() { return CurrentSink; }
void dbrace::setSummarySink(SummarySink *Sink) { CurrentSink = Sink; }

std::string dbrace::functionKey(const FunctionDecl *FD,
                                const SourceManager &SM) {
  std::string Name = qualifiedName(FD);
  if (FD->isExternallyVisible())
    return Name;
  return Name + "@" + SM.getFilename(SM.getFileLoc(FD->getLocation())).str();
}

ExportedFunction dbrace::exportFunction(const FunctionDecl *FD, ASTContext &Ctx,
                                        const ApiModel &Model,
                                        SqlTextResolver &Resolver,
                                        const FunctionSummary &Summary) {
  const SourceManager &SM = Ctx.getSourceManager();
  ExportedFunction F;
  F.Key = functionKey(FD, SM);
  F.Name = qualifiedName(FD);
  F.Visible = FD->isExternallyVisible() && !FD->isMain();
  F.Destructor = isa<CXXDestructorDecl>(FD);
  for (const ParmVarDecl *P : FD->parameters())
    F.Signature += P->getType().getCanonicalType().getAsString() + ";";
  llvm::SmallPtrSet<const RecoveredSql *, 4> Seen;
  for (const SummaryEvent &S : Summary.Events) {
    // A helper's events come from its own summary, through the call; an
    // event of a lambda's captured handle is the lambda's caller's.
    if (S.FromHelper || S.ViaCaptured)
      continue;
    // One rule runs every statement of its text.
    if (S.Sql && S.Sql->Known() && !Seen.insert(S.Sql.get()).second)
      continue;
    if (std::optional<CallRule> R = ruleOf(S, FD))
      F.Rules.push_back(exported(std::move(*R), S, SM));
  }
  for (const SummaryEvent &S : Summary.ObjectTransaction)
    if (std::optional<CallRule> R = ruleOf(S, FD)) {
      // Through its own object's field, the Sql is the begin or end only.
      if (!R->Sql.empty() || R->SqlArg) {
        R->Sql.clear();
        R->SqlArg.reset();
        R->SqlParams.clear();
        R->Action = S.Kind == EventKind::Begin   ? CallAction::Begin
                    : isa<CXXDestructorDecl>(FD) ? CallAction::Rollback
                                                 : CallAction::Commit;
        R->Result = ResultKind::Return;
      }
      F.Rules.push_back(exported(std::move(*R), S, SM));
    }
  StatementClass(FD, Model).addRules(F.Rules);
  CallFinder(FD, Ctx, Model, Resolver, F).run();
  return F;
}
