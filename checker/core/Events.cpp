//===--- Events.cpp - The database events of one function -----------------===//

#include "Events.h"
#include "AstNames.h"
#include "Summary.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;
using namespace dbrace;

namespace {

sqlfacts::Isolation isolationNamed(llvm::StringRef V) {
  return llvm::StringSwitch<sqlfacts::Isolation>(V)
      .Case("read_uncommitted", sqlfacts::Isolation::ReadUncommitted)
      .Case("read_committed", sqlfacts::Isolation::ReadCommitted)
      .Case("repeatable_read", sqlfacts::Isolation::RepeatableRead)
      .Case("serializable", sqlfacts::Isolation::Serializable)
      .Default(sqlfacts::Isolation::Unspecified);
}

sqlfacts::BeginMode modeNamed(llvm::StringRef V) {
  return llvm::StringSwitch<sqlfacts::BeginMode>(V)
      .Case("deferred", sqlfacts::BeginMode::Deferred)
      .Case("immediate", sqlfacts::BeginMode::Immediate)
      .Case("exclusive", sqlfacts::BeginMode::Exclusive)
      .Default(sqlfacts::BeginMode::Unspecified);
}

bool coversNewRows(sqlfacts::BeginMode M) {
  return M == sqlfacts::BeginMode::Immediate || M == sqlfacts::BeginMode::Exclusive;
}

/// The class part and the simple name of a rule name.
std::pair<llvm::StringRef, llvm::StringRef> splitRuleName(llvm::StringRef N) {
  size_t Colon = N.rfind("::");
  if (Colon == llvm::StringRef::npos)
    return {"", N};
  return {N.substr(0, Colon), N.substr(Colon + 2)};
}

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

std::string dbrace::statementKeyOf(const ValueDecl *Handle) {
  return Handle ? "decl:" + std::to_string(reinterpret_cast<uintptr_t>(Handle))
                : "";
}

llvm::SmallVector<ApiModel::CallMatch, 2>
dbrace::matchingRules(const ApiModel &Model, const FunctionDecl *Callee,
                      const Expr *Object) {
  llvm::SmallVector<ApiModel::CallMatch, 2> Found;
  const NamedDecl *Named = Callee;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee))
    Named = Ctor->getParent();
  // Most calls name nothing the rules know: decide that without building
  // any qualified name.
  auto Candidates = Named->getIdentifier()
                        ? Model.callsNamed(Named->getName())
                        : Model.callsNamed(Named->getNameAsString());
  if (Candidates.empty())
    return Found;
  std::vector<std::string> Classes;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Callee)) {
    Classes = classAndBases(M->getParent());
    if (Object)
      if (const CXXRecordDecl *RD = recordOf(Object->getType())) {
        std::vector<std::string> More = classAndBases(RD);
        Classes.insert(Classes.end(), More.begin(), More.end());
      }
  }
  std::string Qualified = qualifiedName(Callee);
  for (const ApiModel::CallMatch &C : Candidates) {
    auto [Class, Name] = splitRuleName(C.Rule->Name);
    bool Matches = Classes.empty() ? C.Rule->Name == Qualified ||
                                         C.Rule->Name == "::" + Qualified
                                   : llvm::is_contained(Classes, Class);
    if (Matches)
      Found.push_back(C);
  }
  return Found;
}

const CXXRecordDecl *dbrace::entityClassOf(const CallRule &Rule,
                                           const FunctionDecl *Callee,
                                           const Expr *Call, const Expr *Object,
                                           const Expr *EntityArg) {
  if (Rule.EntityTemplateArg) {
    // The function's own template arguments, or else its class's
    // (`Manager<Event>::get`, `ptr<Event>::modify`).
    const TemplateArgumentList *TA = Callee->getTemplateSpecializationArgs();
    if (!TA)
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
              Callee->getDeclContext()))
        TA = &Spec->getTemplateArgs();
    if (TA && *Rule.EntityTemplateArg < TA->size() &&
        TA->get(*Rule.EntityTemplateArg).getKind() == TemplateArgument::Type)
      return TA->get(*Rule.EntityTemplateArg).getAsType()->getAsCXXRecordDecl();
    return nullptr;
  }
  if (EntityArg)
    return recordOf(EntityArg->getType());
  // The object's own class, not the base that declares the method.
  return recordOf(Object ? Object->IgnoreParenImpCasts()->getType()
                         : Call->getType());
}

namespace {

class Collector {
public:
  Collector(const FunctionDecl *FD, ASTContext &Ctx, const ApiModel &Model,
            SqlTextResolver &Resolver, std::optional<sqlfacts::Dialect> Dialect,
            const TranslationUnitFacts &Unit)
      : FD(FD), Ctx(Ctx), Model(Model), Resolver(Resolver), Dialect(Dialect),
        Unit(Unit) {}

  FunctionEvents run() {
    for (const ParmVarDecl *P : FD->parameters())
      if (const ApiModel::TypeMatch *T = typeRuleFor(recordOf(P->getType())))
        if (T->Rule->Handle)
          slotFor(P);
    walk(FD->getBody(), /*Discarded=*/true);
    bindKeys();
    for (unsigned I = 0; I < Out.Events.size(); ++I)
      Out.ByStmt[Out.Events[I].At].push_back(I);
    return std::move(Out);
  }

private:
  void walk(const Stmt *S, bool Discarded) {
    if (!S || isa<LambdaExpr>(S))
      return; // A lambda's body runs when it is called: its own function.
    // A constructor runs after its arguments (`rowset rs = (sql.prepare <<
    // ...)` runs what its argument prepares); every other call is visited
    // first, so that a chain's outermost call sees the statement it ends.
    bool After = isa<CXXConstructExpr>(S);
    if (!After)
      visit(S, Discarded);
    const ValueDecl *SavedTarget = Target;
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->getOpcode() == BO_Assign)
      Target = rootDecl(BO->getLHS());
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      Target = rootDecl(Op->getArg(0));
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
  static const ValueDecl *initialisedBy(const DeclStmt *DS, const Stmt *Init) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit() == Init)
        return V;
    return nullptr;
  }

  /// A statement of a block; reads in it fill its out-parameters
  /// (`sql << "SELECT ...", into(seats)` runs when the statement ends).
  void walkFullStatement(const Stmt *S) {
    size_t First = Out.Events.size();
    // Nested blocks are full statements of their own.
    auto SavedKeys = std::move(KeysInStatement);
    auto SavedValues = std::move(ChainedValues);
    const Stmt *SavedStatement = FullStatement;
    KeysInStatement.clear();
    ChainedValues.clear();
    FullStatement = S;
    walk(S, /*Discarded=*/true);
    attachParameters(S, First);
    KeysInStatement = std::move(SavedKeys);
    ChainedValues = std::move(SavedValues);
    FullStatement = SavedStatement;
  }

  /// Whether the full statement being walked names one of \p Functions
  /// (a manipulator: `..., now`).
  bool appliesAny(llvm::ArrayRef<std::string> Functions) const {
    llvm::SmallVector<const Stmt *, 16> Work{FullStatement};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr, CompoundStmt>(S))
        continue;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        if (isa<FunctionDecl>(DRE->getDecl()) &&
            llvm::is_contained(Functions, qualifiedName(DRE->getDecl())))
          return true;
      Work.append(S->child_begin(), S->child_end());
    }
    return false;
  }

  /// Out- and in-parameters of the full statement \p S go to the events it
  /// ran from \p First on, and to the statements it prepared or bound.
  void attachParameters(const Stmt *S, size_t First) {
    if (First == Out.Events.size() && KeysInStatement.empty())
      return;
    llvm::SmallVector<const ValueDecl *, 2> Filled;
    llvm::SmallVector<const Expr *, 2> Bound(ChainedValues.begin(),
                                             ChainedValues.end());
    if (Model.hasParameterWrappers())
      forEachCall(S, [&](const CallExpr *Call) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Callee->getIdentifier())
        return;
      if (Model.isOutParam(qualifiedName(Callee))) {
        for (const Expr *Arg : Call->arguments())
          if (const ValueDecl *D = rootDecl(Arg))
            Filled.push_back(D);
      } else if (Model.isInParam(qualifiedName(Callee)) &&
                 Call->getNumArgs() > 0) {
        Bound.push_back(Call->getArg(0));
      }
      });
    // Comma-chained wrappers are visited outermost first; source order is
    // placeholder order.
    const SourceManager &SM = Ctx.getSourceManager();
    llvm::stable_sort(Bound, [&](const Expr *A, const Expr *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    for (size_t I = First; I < Out.Events.size(); ++I) {
      DbEvent &E = Out.Events[I];
      if (E.Kind == EventKind::Read)
        E.ResultDecls.append(Filled.begin(), Filled.end());
      E.Inputs.append(Bound.begin(), Bound.end());
      for (size_t N = 0; N < Bound.size(); ++N)
        E.Params.try_emplace(N + 1, Bound[N]);
    }
    // `statement st = (sql.prepare << "...", into(x), use(y));`,
    // `st.exchange(into(x));`: the statement fills and binds them when it
    // runs.
    for (const std::string &Key : KeysInStatement) {
      Binding &B = Bindings[Key];
      B.Filled.append(Filled.begin(), Filled.end());
      B.Bound.append(Bound.begin(), Bound.end());
    }
  }

  /// What has been bound to a statement handle so far.
  struct Binding {
    llvm::SmallVector<const ValueDecl *, 2> Filled;
    llvm::SmallVector<const Expr *, 2> Bound;
    llvm::DenseMap<int, const Expr *> Numbered;
  };

  /// A statement run by key gets the values bound to it.
  void applyBindings(DbEvent &E, llvm::StringRef Key) {
    auto It = Bindings.find(Key);
    if (It == Bindings.end())
      return;
    const Binding &B = It->second;
    E.ResultDecls.append(B.Filled.begin(), B.Filled.end());
    for (size_t N = 0; N < B.Bound.size(); ++N) {
      E.Params.try_emplace(N + 1, B.Bound[N]);
      E.Inputs.push_back(B.Bound[N]);
    }
    for (const auto &[N, Value] : B.Numbered) {
      E.Params[N] = Value;
      E.Inputs.push_back(Value);
    }
  }

  /// `bind(st, 2, v)`, `st << v`, `st.exchange(use(v))`.
  void visitBind(const CallRule &Rule, const Expr *Object,
                 llvm::ArrayRef<const Expr *> Args) {
    auto Arg = [&](std::optional<unsigned> N) -> const Expr * {
      return N && *N < Args.size() ? Args[*N] : nullptr;
    };
    const Expr *Handle = Rule.StatementArg ? Arg(Rule.StatementArg) : Object;
    const Expr *Value = Arg(Rule.ValueArg);
    // Manipulators (`st << exec`) are functions, not values.
    if (Value && (Value->IgnoreParenImpCasts()->getType()->isFunctionType() ||
                  Value->getType()->isFunctionPointerType()))
      Value = nullptr;
    std::string Key = Handle ? statementKey(Handle) : "";
    if (Key.empty()) {
      // A chain on the statement a call returns
      // (`sql << "UPDATE ..." << v << exec`): bound to what that call runs.
      if (Value)
        ChainedValues.push_back(Value);
      return;
    }
    KeysInStatement.push_back(Key);
    if (!Value)
      return;
    Binding &B = Bindings[Key];
    if (const Expr *Index = Arg(Rule.IndexArg)) {
      Expr::EvalResult R;
      if (Index->EvaluateAsInt(R, Ctx) &&
          R.Val.getInt().getExtValue() >= Rule.FirstIndex)
        B.Numbered[R.Val.getInt().getExtValue() - Rule.FirstIndex + 1] = Value;
      return;
    }
    B.Bound.push_back(Value);
  }

  /// The last event of \p Kind collected so far, in source order; a
  /// statement whose SQL is a parameter may be of any kind.
  DbEvent *lastEvent(EventKind Kind) {
    for (auto It = Out.Events.rbegin(); It != Out.Events.rend(); ++It)
      if (It->Kind == Kind || It->SqlParam >= 0)
        return &*It;
    return nullptr;
  }

  /// The variables bound to each event's keys, once all bindings are known.
  void bindKeys() {
    for (DbEvent &E : Out.Events) {
      if (!E.Facts)
        continue;
      for (const sqlfacts::KeyComparison &K : E.Facts->Keys) {
        auto It = E.Params.find(K.Param);
        if (It == E.Params.end())
          continue;
        if (const ValueDecl *D = keyDecl(It->second))
          E.KeyDecls.push_back(D);
      }
    }
  }

  /// Calls in \p S, not in nested blocks (their statements are full
  /// statements of their own) or lambdas.
  template <typename Fn> static void forEachCall(const Stmt *S, Fn &&F) {
    if (!S || isa<LambdaExpr, CompoundStmt>(S))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      F(Call);
    for (const Stmt *Child : S->children())
      forEachCall(Child, F);
  }

  /// A rule-matched call that is part of the statement a read runs (a
  /// `lock` or `key` call), with its rule.
  struct ChainCall {
    const CallExpr *Call;
    const CallRule *Rule;
  };

  /// The object a call is made on: the implicit object of a method call,
  /// the first operand of a member operator; null for free functions.
  static const Expr *objectOfCall(const CallExpr *Call) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      return MC->getImplicitObjectArgument();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
      if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) &&
          Op->getNumArgs() > 0)
        return Op->getArg(0);
    return nullptr;
  }

  /// A call's arguments, without the object of a member operator.
  static llvm::ArrayRef<const Expr *> argumentsOf(const CallExpr *Call) {
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    if (isa<CXXOperatorCallExpr>(Call) && objectOfCall(Call))
      return Args.drop_front();
    return Args;
  }

  /// The `lock` and `key` calls in \p S, not in nested blocks or lambdas.
  void chainRuleCalls(const Stmt *S, llvm::SmallVectorImpl<ChainCall> &Found) {
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
  static bool chainedOnto(const CallExpr *Call, const Expr *Read) {
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
  llvm::SmallVector<ChainCall, 2> chainCallsOf(const Expr *Read) {
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

  void visit(const Stmt *S, bool Discarded) {
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

  /// A call of a function of this translation unit stands for the events
  /// of its summary.
  void visitHelperCall(const Expr *Call, const FunctionDecl *Callee,
                       llvm::ArrayRef<const Expr *> Args, bool Discarded) {
    const FunctionDecl *Def = Callee->getDefinition();
    if (!Def || Def == FD)
      return;
    const FunctionSummary *Summary = Unit.Summary(Def);
    if (!Summary)
      return;
    for (const SummaryEvent &S : Summary->Events) {
      DbEvent E;
      E.Kind = S.Kind;
      E.At = Call;
      E.Library = S.Library;
      E.Callee = S.Kind == EventKind::Slow ? Summary->Name : S.Callee;
      E.Tables = S.Tables;
      E.WriteKind = S.WriteKind;
      E.Lock = S.Lock;
      E.CoversNewRows = S.CoversNewRows;
      E.Versioned = S.Protected;
      E.Origin = S.At;
      E.OriginFunction = S.Function;
      E.OwnTransaction = S.OwnTransaction;
      E.AnyTransaction = S.ViaField;
      E.CapturedGuards = S.CapturedGuards;
      E.IsolationLevel = S.IsolationLevel;
      E.Autocommit = S.Autocommit;
      E.Chain = S.Chain;
      if (S.ViaCaptured)
        E.Slot = slotFor(S.ViaCaptured);
      else if (S.ViaParam >= 0 && static_cast<size_t>(S.ViaParam) < Args.size())
        E.Slot = slotOfObject(Args[S.ViaParam]);
      if (S.SqlParam >= 0) {
        // The statement is the one this call passes.
        if (static_cast<size_t>(S.SqlParam) >= Args.size())
          continue;
        if (S.Returned)
          E.ResultExpr = Call;
        E.ResultUsed = S.ResultUsed && !Discarded;
        for (const auto &[Placeholder, N] : S.ParamArgs)
          if (N < Args.size())
            E.Params[Placeholder] = Args[N];
        addSqlEvents(std::move(E), std::make_shared<const RecoveredSql>(
                                       Resolver.resolve(Args[S.SqlParam],
                                                        FD->getBody())));
        continue;
      }
      if (S.Kind == EventKind::Read) {
        // The value comes back as the call's value, or through the
        // pointer and reference arguments the helper stores it in.
        if (S.Returned || S.ResultParams.empty())
          E.ResultExpr = Call;
        for (unsigned N : S.ResultParams)
          if (N < Args.size())
            if (const ValueDecl *D = rootDecl(Args[N]))
              E.ResultDecls.push_back(D);
      }
      Out.Events.push_back(std::move(E));
    }
  }

  const ApiModel::TypeMatch *typeRuleFor(const CXXRecordDecl *RD) {
    if (!RD)
      return nullptr;
    for (const std::string &Name : classAndBases(RD))
      if (const ApiModel::TypeMatch *T = Model.type(Name))
        return T;
    return nullptr;
  }

  unsigned slotFor(const ValueDecl *V) {
    auto [It, New] = SlotOf.try_emplace(V, Out.Slots.size());
    if (New) {
      SlotStart Start = SlotStart::NoTransaction;
      sqlfacts::Isolation Level = sqlfacts::Isolation::Unspecified;
      if (!isa<VarDecl>(V) || isa<ParmVarDecl>(V) ||
          !cast<VarDecl>(V)->isLocalVarDecl() || V->getDeclContext() != FD) {
        // A handle the function was given (or a lambda captured) runs in
        // its caller's transaction, at the isolation its type names.
        const CXXRecordDecl *RD = recordOf(V->getType());
        const ApiModel::TypeMatch *T = typeRuleFor(RD);
        Start = T && T->Rule->Role == TypeRole::Autocommit
                    ? SlotStart::Autocommit
                    : SlotStart::CallerTransaction;
        if (T) {
          Level = T->Rule->IsolationLevel;
          if (T->Rule->IsolationTemplateArg)
            if (auto Named =
                    valueOfTemplateArg(RD, *T->Rule->IsolationTemplateArg))
              Level = isolationNamed(*Named);
        }
      }
      Out.Slots.push_back(Start);
      Out.SlotIsolations.push_back(Level);
      Out.SlotDecls.push_back(V);
    }
    return It->second;
  }

  /// The slot statements run in when called on \p Object.
  unsigned slotOfObject(const Expr *Object) {
    if (!Object)
      return 0;
    const ApiModel::TypeMatch *T = typeRuleFor(recordOf(Object->getType()));
    if (!T || !T->Rule->Handle)
      return 0;
    if (const ValueDecl *V = rootDecl(Object))
      return slotFor(V);
    return 0;
  }

  /// How a constant argument is spelt in a rule's `when`: `true`/`false`,
  /// an integer, or an enumerator's qualified name; none if not constant.
  std::optional<std::string> constantSpelling(const Expr *E) {
    E = stripWrappers(E);
    if (!E || E->isValueDependent())
      return std::nullopt;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (isa<EnumConstantDecl>(DRE->getDecl()))
        return qualifiedName(DRE->getDecl());
    Expr::EvalResult Value;
    if (!E->EvaluateAsRValue(Value, Ctx) || !Value.Val.isInt())
      return std::nullopt;
    if (E->getType()->isBooleanType())
      return Value.Val.getInt().getBoolValue() ? "true" : "false";
    return llvm::toString(Value.Val.getInt(), 10, Value.Val.getInt().isSigned());
  }

  std::optional<llvm::StringRef> valueOfExpr(const Expr *E) {
    E = stripWrappers(E);
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
      return Model.namedValue(qualifiedName(DRE->getDecl()));
    return std::nullopt;
  }

  std::optional<llvm::StringRef> valueOfTemplateArg(const CXXRecordDecl *RD,
                                                    unsigned N) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec || N >= Spec->getTemplateArgs().size())
      return std::nullopt;
    const TemplateArgument &Arg = Spec->getTemplateArgs()[N];
    if (Arg.getKind() == TemplateArgument::Type) {
      if (const auto *TD = Arg.getAsType()->getAsTagDecl())
        return Model.namedValue(qualifiedName(TD));
    } else if (Arg.getKind() == TemplateArgument::Integral) {
      if (const auto *ET = Arg.getIntegralType()->getAs<EnumType>())
        for (const EnumConstantDecl *C : ET->getDecl()->enumerators())
          if (llvm::APSInt::isSameValue(C->getInitVal(), Arg.getAsIntegral()))
            return Model.namedValue(qualifiedName(C));
    }
    return std::nullopt;
  }

  /// A call rule's isolation: fixed, or spelled by an argument.
  sqlfacts::Isolation isolationOf(const CallRule &Rule,
                             llvm::ArrayRef<const Expr *> Args) {
    if (Rule.IsolationArg && *Rule.IsolationArg < Args.size())
      if (auto Named = valueOfExpr(Args[*Rule.IsolationArg]))
        return isolationNamed(*Named);
    return Rule.IsolationLevel;
  }

  void visitVariable(const VarDecl *V) {
    const auto *CE = dyn_cast_or_null<CXXConstructExpr>(
        stripWrappers(V->getInit()));
    if (!CE)
      return;
    ConstructedBy[CE] = V;
    const CXXRecordDecl *RD = CE->getConstructor()->getParent();
    const ApiModel::TypeMatch *T = typeRuleFor(RD);
    if (!T) {
      endsInDestructor(V, RD);
      return;
    }
    HandledConstructions.insert(CE);
    const TypeRule &Rule = *T->Rule;
    DbEvent E;
    E.Kind = EventKind::Begin;
    E.At = CE;
    E.Library = T->Library;
    E.Callee = qualifiedName(RD);
    E.Slot = Rule.Handle ? slotFor(V) : 0;
    E.Autocommit = Rule.Role == TypeRole::Autocommit;
    E.Type = &Rule;
    if (Rule.Role == TypeRole::Savepoint && CE->getNumArgs() > 0)
      E.ParentSlot = slotOfObject(CE->getArg(0));
    E.IsolationLevel = Rule.IsolationLevel;
    sqlfacts::BeginMode Mode = Rule.Mode;
    if (Rule.IsolationTemplateArg)
      if (auto Named = valueOfTemplateArg(RD, *Rule.IsolationTemplateArg))
        E.IsolationLevel = isolationNamed(*Named);
    if (Rule.IsolationArg && *Rule.IsolationArg < CE->getNumArgs())
      if (auto Named = valueOfExpr(CE->getArg(*Rule.IsolationArg)))
        E.IsolationLevel = isolationNamed(*Named);
    if (Rule.ModeArg && *Rule.ModeArg < CE->getNumArgs())
      if (auto Named = valueOfExpr(CE->getArg(*Rule.ModeArg)))
        Mode = modeNamed(*Named);
    E.CoversNewRows = coversNewRows(Mode);
    Out.RaiiEnds[V] = E.Slot;
    Out.RaiiBegins[V] = Out.Events.size();
    Out.Events.push_back(std::move(E));
  }

  /// A guard class of the translation unit, whose destructor ends the
  /// transaction on the connection: the variable's scope ends it.
  void endsInDestructor(const VarDecl *V, const CXXRecordDecl *RD) {
    const CXXDestructorDecl *Dtor = RD->getDestructor();
    const FunctionDecl *Def = Dtor ? Dtor->getDefinition() : nullptr;
    if (!Def || Def == FD)
      return;
    const FunctionSummary *Summary = Unit.Summary(Def);
    if (Summary && llvm::any_of(Summary->Events, [](const SummaryEvent &S) {
          return S.Kind == EventKind::End && S.ViaParam < 0 && !S.ViaCaptured;
        }))
      Out.RaiiEnds[V] = 0;
  }

  llvm::SmallVector<ApiModel::CallMatch, 2>
  matchingRules(const FunctionDecl *Callee, const Expr *Object) {
    return dbrace::matchingRules(Model, Callee, Object);
  }

  static std::string declKey(const ValueDecl *V) {
    return statementKeyOf(V);
  }

  /// A registry key (`"name"`, `Stmt::kReserve`, a std::string built from a
  /// constant), or a handle variable.
  std::string statementKey(const Expr *E) {
    if (!E)
      return "";
    std::string Key = dbrace::statementKey(E, Resolver);
    return Key.empty() ? declKey(rootDecl(E)) : "name:" + Key;
  }

  /// The object a call works on: the variable a constructor constructs, or
  /// the root of a method's object expression.
  const ValueDecl *objectDecl(const Expr *Call, const Expr *Object) {
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Call)) {
      auto It = ConstructedBy.find(CE);
      return It == ConstructedBy.end() ? nullptr : It->second;
    }
    return Object ? rootDecl(Object) : nullptr;
  }

  /// Adds the events of the rules \p Callee matches; false if none does.
  bool visitCall(const Expr *Call, const FunctionDecl *Callee,
                 const Expr *Object, llvm::ArrayRef<const Expr *> Args,
                 bool Discarded) {
    auto Matches = matchingRules(Callee, Object);
    if (!Matches.empty())
      Out.ModelCalls.insert(Call);
    for (const ApiModel::CallMatch &M : Matches) {
      const CallRule &Rule = *M.Rule;
      auto Arg = [&](std::optional<unsigned> N) -> const Expr * {
        return N && *N < Args.size() ? Args[*N] : nullptr;
      };
      if (Rule.WhenArg && constantSpelling(Arg(Rule.WhenArg)) != Rule.WhenEquals)
        continue;
      DbEvent Base;
      Base.Kind = EventKind::Read;
      Base.At = Call;
      Base.Library = M.Library;
      Base.Callee = qualifiedName(Callee);
      Base.Slot = slotOfObject(Object);
      Base.ResultUsed = !Discarded;
      // Where the result (or, for prepare, the statement) goes.
      const ValueDecl *ResultHolder = nullptr;
      switch (Rule.Result) {
      case ResultKind::Return:
        Base.ResultExpr = Call;
        ResultHolder = Target;
        // `load(id, obj)`: the object given is filled too.
        for (unsigned N : Rule.ResultArgs)
          if (const Expr *Filled = Arg(N))
            if (const ValueDecl *D = rootDecl(Filled))
              Base.ResultDecls.push_back(D);
        break;
      case ResultKind::Object:
        ResultHolder = objectDecl(Call, Object);
        if (ResultHolder)
          Base.ResultDecls.push_back(ResultHolder);
        break;
      case ResultKind::Argument:
        for (unsigned N : Rule.ResultArgs)
          if (const Expr *Filled = Arg(N))
            if (const ValueDecl *D = rootDecl(Filled))
              Base.ResultDecls.push_back(D);
        if (!Base.ResultDecls.empty())
          ResultHolder = Base.ResultDecls.front();
        break;
      case ResultKind::None:
        break;
      }
      if (Rule.Action == CallAction::Read ||
          Rule.Action == CallAction::Execute ||
          Rule.Action == CallAction::ExecutePrepared)
        for (const ChainCall &C : chainCallsOf(Call)) {
          if (C.Rule->Action == CallAction::Lock) {
            Base.Lock = C.Rule->LockStrength;
          } else if (llvm::ArrayRef<const Expr *> A = argumentsOf(C.Call);
                     *C.Rule->KeyArg < A.size()) {
            if (const ValueDecl *D = keyDecl(A[*C.Rule->KeyArg]))
              Base.KeyDecls.push_back(D);
          }
        }
      if (Rule.ParamsFrom)
        for (unsigned I = *Rule.ParamsFrom; I < Args.size(); ++I)
          Base.Params[I - *Rule.ParamsFrom + 1] = Args[I];

      switch (Rule.Action) {
      case CallAction::Execute:
        if (const Expr *SqlArg = Arg(Rule.SqlArg)) {
          auto Sql = std::make_shared<const RecoveredSql>(
              Resolver.resolve(SqlArg, FD->getBody()));
          if (Rule.RunsWith.empty() || appliesAny(Rule.RunsWith)) {
            addSqlEvents(Base, Sql);
          } else if (std::string Key = declKey(Target); !Key.empty()) {
            // `Statement st = (session << "...", into(x));` runs later.
            Prepared[Key] = Sql;
            KeysInStatement.push_back(Key);
          }
        }
        break;
      case CallAction::Prepare:
        if (const Expr *SqlArg = Arg(Rule.SqlArg)) {
          std::string Key = Rule.StatementArg
                                ? statementKey(Arg(Rule.StatementArg))
                                : declKey(ResultHolder);
          if (!Key.empty()) {
            Prepared[Key] = std::make_shared<const RecoveredSql>(
                Resolver.resolve(SqlArg, FD->getBody()));
            KeysInStatement.push_back(Key);
          }
        }
        break;
      case CallAction::ExecutePrepared: {
        const Expr *Statement = Arg(Rule.StatementArg);
        if (Statement && isa<CallExpr>(stripWrappers(Statement))) {
          // `db.Query(db.GetPreparedStatement(KEY))`: a lookup in place.
          addSqlEvents(Base, std::make_shared<const RecoveredSql>(
                                 Resolver.resolve(Statement, FD->getBody())));
          break;
        }
        std::string Key = Rule.StatementArg
                              ? statementKey(Statement)
                              : declKey(objectDecl(Call, Object));
        // `db.Query(stmt)`: the variable a lookup stored the statement in.
        if (const ValueDecl *Holder = Statement ? rootDecl(Statement) : nullptr;
            Holder && Prepared.count(declKey(Holder)))
          Key = declKey(Holder);
        if (Key.empty())
          break;
        applyBindings(Base, Key);
        auto It = Prepared.find(Key);
        if (It != Prepared.end())
          addSqlEvents(Base, It->second);
        else if (auto Sql = Unit.NamedStatement(Key))
          addSqlEvents(Base, Sql);
        break;
      }
      case CallAction::Bind:
        visitBind(Rule, Object, Args);
        break;
      case CallAction::AffectedRows:
        // The count of the last write is looked at: a conditional write
        // checks for itself.
        if (DbEvent *Write = lastEvent(EventKind::Write); Write && !Discarded)
          Write->ResultUsed = true;
        break;
      case CallAction::ReadStatus:
        if (DbEvent *Read = lastEvent(EventKind::Read))
          Read->StatusCalls.push_back(Call);
        break;
      case CallAction::Lookup:
        // `stmt = db.GetPreparedStatement(KEY)` then `db.Query(stmt)`.
        if (ResultHolder) {
          auto Sql = std::make_shared<const RecoveredSql>(
              Resolver.resolve(Call, FD->getBody()));
          if (Sql->Known())
            Prepared[declKey(ResultHolder)] = Sql;
        }
        break;
      case CallAction::Read:
      case CallAction::Write:
        if (const Expr *Condition = Arg(Rule.ConditionArg))
          Base.Lock = std::max(Base.Lock, conditionLock(Condition, M.Library));
        addEntityEvent(Base, Rule, Call, Callee, Object, Arg(Rule.EntityArg),
                       Arg(Rule.KeyArg), ResultHolder);
        break;
      case CallAction::Begin:
      case CallAction::Autocommit:
        Base.Kind = EventKind::Begin;
        Base.Autocommit = Rule.Action == CallAction::Autocommit;
        Base.Chain = Rule.Chain;
        Base.IsolationLevel = isolationOf(Rule, Args);
        Base.CoversNewRows = coversNewRows(Rule.Mode);
        Out.Events.push_back(std::move(Base));
        break;
      case CallAction::SetIsolation:
        Base.Kind = EventKind::SetIsolation;
        Base.IsolationLevel = isolationOf(Rule, Args);
        Base.SessionWide = true;
        Out.Events.push_back(std::move(Base));
        break;
      case CallAction::Commit:
      case CallAction::Rollback:
        Base.Kind = EventKind::End;
        Out.Events.push_back(std::move(Base));
        break;
      case CallAction::Slow:
        Base.Kind = EventKind::Slow;
        Out.Events.push_back(std::move(Base));
        break;
      case CallAction::Lock:     // Part of the read that contains it.
      case CallAction::Key:
      case CallAction::EntityTable: // Indexed for the whole TU.
      case CallAction::SqlText:  // Part of the SQL that contains it.
      case CallAction::Format:
        break;
      }
    }
    return !Matches.empty();
  }

  /// The entity is a template argument, an argument's class, or else the
  /// class of the object (`event.save()`) or of the value read.
  void addEntityEvent(DbEvent Base, const CallRule &Rule, const Expr *Call,
                      const FunctionDecl *Callee, const Expr *Object,
                      const Expr *EntityArg, const Expr *KeyArg,
                      const ValueDecl *ResultHolder) {
    std::string Entity;
    // A fixed entity (`entity: items`), or else the rule's class.
    const CXXRecordDecl *EntityClass =
        Rule.Entity.empty()
            ? entityClassOf(Rule, Callee, Call, Object, EntityArg)
            : nullptr;
    if (!Rule.Entity.empty())
      Entity = Rule.Entity;
    else if (EntityClass)
      Entity = qualifiedName(EntityClass);
    if (Entity.empty())
      return;
    Base.Tables.push_back(Entity);
    // The tables the class is mapped to (`mapClass<Event>("events")`), so
    // that SQL of those tables touches the same entity.
    if (Unit.EntityTables)
      for (const std::string &Table : Unit.EntityTables(Entity))
        if (!llvm::is_contained(Base.Tables, Table))
          Base.Tables.push_back(Table);
    // The row: the key argument (`get(id)`), or, for a write through an
    // object, the key of the row the object was read from (`e.save()`).
    if (const ValueDecl *Key = keyDecl(KeyArg)) {
      Base.RowKey = Key;
      Base.KeyDecls.push_back(Key);
    } else if (Rule.Action == CallAction::Write && !Rule.EntityTemplateArg &&
               !EntityArg && Object) {
      auto It = RowKeyOf.find(rootDecl(Object));
      if (It != RowKeyOf.end()) {
        Base.RowKey = It->second;
        Base.KeyDecls.push_back(It->second);
      }
    }
    if (Rule.Action == CallAction::Read && ResultHolder) {
      if (Base.RowKey)
        RowKeyOf[ResultHolder] = Base.RowKey;
      else
        RowKeyOf.erase(ResultHolder);
    }
    if (Rule.Action == CallAction::Write) {
      Base.Kind = EventKind::Write;
      Base.WriteKind = Rule.WriteKind;
      Base.Versioned =
          Rule.Versioned ||
          (!Rule.VersionPragma.empty() &&
           hasMemberUnderPragma(EntityClass, Rule.VersionPragma,
                                Ctx.getSourceManager()));
      Base.ResultExpr = nullptr;
      Base.ResultDecls.clear();
    }
    Out.Events.push_back(std::move(Base));
  }

  /// The lock clause of a native-SQL condition, read as the tail of a
  /// SELECT: `id = 7 FOR UPDATE`, `ORDER BY id FOR SHARE`.
  sqlfacts::LockStrength conditionLock(const Expr *Condition,
                                  const LibraryRules *Library) {
    RecoveredSql Text = Resolver.resolve(Condition, FD->getBody());
    if (!Text.Known())
      return sqlfacts::LockStrength::None;
    llvm::StringRef Tail = llvm::StringRef(Text.Text).ltrim();
    bool Clause = llvm::any_of(
        llvm::ArrayRef<llvm::StringRef>{"order ", "group ", "limit ", "for ",
                                        "offset ", "having "},
        [&](llvm::StringRef W) { return Tail.starts_with_insensitive(W); });
    std::string Select =
        ("SELECT * FROM entity " + llvm::Twine(Clause ? "" : "WHERE ") + Tail)
            .str();
    const sqlfacts::SqlFacts &Facts =
        sqlfacts::analyzeSql(Select, Dialect.value_or(Library->Dialect));
    return Facts.Statements.size() == 1 ? Facts.Statements[0].Lock
                                        : sqlfacts::LockStrength::None;
  }

  void addSqlEvents(DbEvent Base, std::shared_ptr<const RecoveredSql> Sql) {
    if (!Sql->Known()) {
      if (std::optional<unsigned> P = sqlParameter(*Sql)) {
        Base.Kind = EventKind::Read;
        Base.SqlParam = *P;
        Base.Sql = std::move(Sql);
        Out.Events.push_back(std::move(Base));
      }
      return;
    }
    const sqlfacts::SqlFacts &Facts =
        sqlfacts::analyzeSql(Sql->Text, Dialect.value_or(Base.Library->Dialect));
    for (int I = 0, N = Sql->Holes.size(); I < N; ++I)
      Base.Params[FirstHoleParam + I] = Sql->Holes[I];
    for (const sqlfacts::StatementFacts &S : Facts.Statements) {
      DbEvent E = Base;
      E.Sql = Sql;
      E.Facts = &S;
      switch (S.Kind) {
      case sqlfacts::StatementKind::Select:
        if (S.ReleasesAdvisoryLocks) {
          E.Kind = EventKind::Unlock;
          break;
        }
        E.Kind = EventKind::Read;
        E.Tables = S.TablesRead;
        if (S.Lock != sqlfacts::LockStrength::None)
          E.Lock = S.Lock;
        if (!S.TablesWritten.empty()) { // WITH x AS (UPDATE ...) SELECT
          DbEvent W = E;
          W.Kind = EventKind::Write;
          W.Tables = S.TablesWritten;
          W.WriteKind = sqlfacts::StatementKind::Update;
          W.ResultExpr = nullptr;
          W.ResultDecls.clear();
          Out.Events.push_back(std::move(W));
        }
        break;
      case sqlfacts::StatementKind::Insert:
      case sqlfacts::StatementKind::Update:
      case sqlfacts::StatementKind::Delete:
      case sqlfacts::StatementKind::Upsert:
        E.Kind = EventKind::Write;
        E.Tables = S.TablesWritten;
        E.WriteKind = S.Kind;
        E.ResultExpr = nullptr;
        E.ResultDecls.clear();
        break;
      case sqlfacts::StatementKind::Begin:
        E.Kind = EventKind::Begin;
        E.IsolationLevel = S.IsolationLevel;
        E.CoversNewRows = coversNewRows(S.Mode);
        break;
      case sqlfacts::StatementKind::Commit:
      case sqlfacts::StatementKind::Rollback:
        E.Kind = EventKind::End;
        break;
      case sqlfacts::StatementKind::SetTransaction:
        E.Kind = EventKind::SetIsolation;
        E.IsolationLevel = S.IsolationLevel;
        break;
      case sqlfacts::StatementKind::LockTable:
      case sqlfacts::StatementKind::AdvisoryLock:
        E.Kind = EventKind::Lock;
        E.Tables = S.TablesRead;
        E.Tables.insert(E.Tables.end(), S.TablesWritten.begin(),
                        S.TablesWritten.end());
        E.CoversNewRows = true;
        // pg_advisory_lock, GET_LOCK: the session's until released.
        E.SessionWide = S.Kind == sqlfacts::StatementKind::AdvisoryLock &&
                        !llvm::StringRef(S.AdvisoryFunction).contains("xact");
        break;
      case sqlfacts::StatementKind::Savepoint:
      case sqlfacts::StatementKind::Other:
        if (!S.ReleasesAdvisoryLocks)
          continue;
        E.Kind = EventKind::Unlock; // `DO RELEASE_LOCK(...)`.
        break;
      }
      Out.Events.push_back(std::move(E));
    }
  }

  /// The parameter of this function that is the whole of \p Sql's text
  /// (`sql`, `sql.c_str()`), if any.
  std::optional<unsigned> sqlParameter(const RecoveredSql &Sql) const {
    if (Sql.Holes.size() != 1)
      return std::nullopt;
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripWrappers(Sql.Holes[0]));
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!P || P->getDeclContext() != FD)
      return std::nullopt;
    return P->getFunctionScopeIndex();
  }

  const FunctionDecl *FD;
  ASTContext &Ctx;
  const ApiModel &Model;
  SqlTextResolver &Resolver;
  std::optional<sqlfacts::Dialect> Dialect;
  const TranslationUnitFacts &Unit;
  FunctionEvents Out;
  llvm::StringMap<Binding> Bindings;
  /// Statement keys prepared or bound in the full statement being walked,
  /// and values chained onto statements that calls of it return.
  llvm::SmallVector<std::string, 2> KeysInStatement;
  llvm::SmallVector<const Expr *, 2> ChainedValues;
  const Stmt *FullStatement = nullptr;
  llvm::DenseMap<const ValueDecl *, unsigned> SlotOf;
  llvm::SmallPtrSet<const CXXConstructExpr *, 4> HandledConstructions;
  llvm::DenseMap<const CXXConstructExpr *, const VarDecl *> ConstructedBy;
  /// The variable the expression being walked initialises or assigns.
  const ValueDecl *Target = nullptr;
  llvm::StringMap<std::shared_ptr<const RecoveredSql>> Prepared;
  /// Variables holding an object read by its row's key, and that key.
  llvm::DenseMap<const ValueDecl *, const ValueDecl *> RowKeyOf;
  /// The `lock` and `key` calls of the full statement ChainCallsFor.
  const Stmt *ChainCallsFor = nullptr;
  llvm::SmallVector<ChainCall, 4> ChainCallsInStatement;
};

} // namespace

FunctionEvents dbrace::collectEvents(const FunctionDecl *FD, ASTContext &Ctx,
                                     const ApiModel &Model,
                                     SqlTextResolver &Resolver,
                                     std::optional<sqlfacts::Dialect> Dialect,
                                     const TranslationUnitFacts &Unit) {
  if (!FD->hasBody())
    return FunctionEvents();
  return Collector(FD, Ctx, Model, Resolver, Dialect, Unit).run();
}
