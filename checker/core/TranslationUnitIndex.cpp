//===--- TranslationUnitIndex.cpp - Facts found anywhere in the unit ------===//

#include "TranslationUnitIndex.h"
#include "Analyzer.h"
#include "AstNames.h"
#include "DialectEvidence.h"
#include "Events.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace dbrace {

namespace {

/// The field `this->f` (or `f`) names; null for anything else.
const FieldDecl *fieldOf(const Expr *E) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(E ? stripWrappers(E) : nullptr);
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(ME->getMemberDecl());
}

const Expr *argumentOf(const CallExpr *Call, std::optional<unsigned> N) {
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  return N && *N < Args.size() ? Args[*N] : nullptr;
}

class Indexer : public RecursiveASTVisitor<Indexer> {
  using Base = RecursiveASTVisitor<Indexer>;

public:
  Indexer(ASTContext &Ctx, const ApiModel &Model, SqlTextResolver &Resolver,
          TranslationUnitIndex &Out)
      : Ctx(Ctx), Model(Model), Resolver(Resolver), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  /// The body the SQL of a prepare is followed in (locals built before it).
  bool TraverseDecl(Decl *D) {
    // What a library's own headers declare prepares, maps and opens
    // nothing of the code's: skipping them halves the walk.
    if (D && !isa<TranslationUnitDecl>(D) &&
        Ctx.getSourceManager().isInSystemHeader(D->getLocation()))
      return true;
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      return Base::TraverseDecl(D);
    const Stmt *Saved = Body;
    const FunctionDecl *SavedCaller = Caller;
    Body = FD->getBody();
    Caller = shouldAnalyze(FD, Ctx) ? FD : nullptr;
    bool Result = Base::TraverseDecl(D);
    Body = Saved;
    Caller = SavedCaller;
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    if (const FunctionDecl *Def = Callee->getDefinition();
        Def && Caller && Def != Caller) {
      ++Out.Calls[Def];
      std::vector<const FunctionDecl *> &Callers = Out.Callers[Def];
      if (!llvm::is_contained(Callers, Caller))
        Callers.push_back(Caller);
    }
    const Expr *Object = objectOfCall(Call);
    for (const ApiModel::CallMatch &M : matchingRules(Model, Callee, Object)) {
      if (M.Rule->Action == CallAction::Prepare)
        prepared(*M.Rule, Call, Object);
      else if (M.Rule->Action == CallAction::EntityTable)
        mapped(*M.Rule, Callee, Call, Object);
      else if (M.Rule->Action == CallAction::Dialect ||
               M.Rule->Action == CallAction::Connection)
        connectionCall(M, Call, Object, callArguments(Call));
    }
    return true;
  }

  /// A connection constructed on a named database (`Session("name", ...)`).
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor)
      return true;
    for (const ApiModel::CallMatch &M : matchingRules(Model, Ctor, nullptr))
      if (M.Rule->Action == CallAction::Dialect)
        connectionCall(M, Construct, nullptr,
                       llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                                    Construct->getNumArgs()));
    return true;
  }

  /// `select_(db.prepare("..."))` in a constructor's member initialisers.
  bool VisitCXXConstructorDecl(CXXConstructorDecl *CD) {
    for (const CXXCtorInitializer *Init : CD->inits())
      if (const FieldDecl *F = Init->getMember()) {
        fieldStatement(Init->getInit(), F, CD->getBody());
        constructedStatement(Init->getInit(), F);
      }
    return true;
  }

  /// Each statement of a block, as one full statement.
  bool VisitCompoundStmt(CompoundStmt *CS) {
    for (const Stmt *S : CS->body())
      fieldStatement(S, nullptr, Body);
    return true;
  }

private:
  /// `select_(conn, "SELECT ...")`: a statement class whose constructor
  /// prepares the text it is given (`prepare` with `result: object`).
  void constructedStatement(const Expr *Init, const FieldDecl *F) {
    const auto *CE = dyn_cast_or_null<CXXConstructExpr>(
        Init ? Init->IgnoreImplicit() : nullptr);
    if (!CE)
      return;
    for (const ApiModel::CallMatch &M :
         matchingRules(Model, CE->getConstructor(), nullptr))
      if (M.Rule->Action == CallAction::Prepare &&
          M.Rule->Result == ResultKind::Object && M.Rule->SqlArg &&
          *M.Rule->SqlArg < CE->getNumArgs())
        record(statementKeyOf(F), CE->getArg(*M.Rule->SqlArg));
  }

  void prepared(const CallRule &Rule, const CallExpr *Call,
                const Expr *Object) {
    const Expr *Sql = argumentOf(Call, Rule.SqlArg);
    std::string Key = Sql ? key(Rule, Call, Object) : "";
    if (!Key.empty())
      record(Key, Sql);
  }

  void record(const std::string &Key, const Expr *SqlArg) {
    auto Sql =
        std::make_shared<const RecoveredSql>(Resolver.resolve(SqlArg, Body));
    auto [It, New] = Out.NamedStatements.try_emplace(Key, Sql);
    // A field prepared with two texts could run either.
    if (!New && (!It->second || It->second->Text != Sql->Text))
      It->second = nullptr;
  }

  const CallRule *ruleOf(const CallExpr *Call, CallAction Action) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return nullptr;
    for (const ApiModel::CallMatch &M :
         matchingRules(Model, Callee, objectOfCall(Call)))
      if (M.Rule->Action == Action)
        return M.Rule;
    return nullptr;
  }

  /// Whether \p S names one of \p Functions (a manipulator: `, now`).
  static bool names(const Stmt *S, llvm::ArrayRef<std::string> Functions) {
    if (!S)
      return false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (isa<FunctionDecl>(DRE->getDecl()) &&
          llvm::is_contained(Functions, qualifiedName(DRE->getDecl())))
        return true;
    return llvm::any_of(S->children(),
                        [&](const Stmt *C) { return names(C, Functions); });
  }

  /// The one call in \p Value whose statement its value holds: a `prepare`
  /// returning it, or an `execute` that only prepares without its
  /// manipulator (`(session << "...", use(x))`); with its SQL argument.
  const Expr *heldStatementSql(const Stmt *Value) {
    const Expr *Sql = nullptr;
    unsigned Found = 0;
    forEachCall(Value, [&](const CallExpr *Call) {
      const CallRule *R = ruleOf(Call, CallAction::Prepare);
      if (R && (R->StatementArg || R->Result != ResultKind::Return))
        R = nullptr;
      if (!R)
        if (const CallRule *E = ruleOf(Call, CallAction::Execute);
            E && !E->RunsWith.empty() && !names(Value, E->RunsWith))
          R = E;
      if (const Expr *Arg = R ? argumentOf(Call, R->SqlArg) : nullptr) {
        Sql = Arg;
        ++Found;
      }
    });
    return Found == 1 ? Sql : nullptr;
  }

  /// The field \p S stores a statement into: `f = prepare(...)`,
  /// `f.reset(prepare(...))`, \p Initialised's initialiser; and its value.
  std::pair<const FieldDecl *, const Expr *>
  heldIn(const Stmt *S, const FieldDecl *Initialised) {
    const auto *E = dyn_cast_or_null<Expr>(S);
    if (!E)
      return {nullptr, nullptr};
    if (Initialised)
      return {Initialised, E};
    E = E->IgnoreImplicit();
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->getOpcode() == BO_Assign)
      return {fieldOf(BO->getLHS()), BO->getRHS()};
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      return {fieldOf(Op->getArg(0)), Op->getArg(1)};
    // A smart pointer field set to the statement (`stmt_.reset(p)`).
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
        MC && MC->getNumArgs() == 1)
      return {fieldOf(MC->getImplicitObjectArgument()), MC->getArg(0)};
    return {nullptr, nullptr};
  }

  void fieldStatement(const Stmt *S, const FieldDecl *Initialised,
                      const Stmt *In);
  void bindFields(const Stmt *S, llvm::ArrayRef<std::string> Keys);

  /// The handle a statement goes into: the object (`q.prepare(...)`) or an
  /// argument (`&stmt`) where the rule's result says; a bind's statement.
  static const Expr *handleOf(const CallRule &Rule, const CallExpr *Call,
                              const Expr *Object) {
    if (Rule.Action == CallAction::Bind)
      return Rule.StatementArg ? argumentOf(Call, Rule.StatementArg) : Object;
    if (Rule.Result == ResultKind::Object)
      return Object;
    if (Rule.Result == ResultKind::Argument && !Rule.ResultArgs.empty())
      return argumentOf(Call, Rule.ResultArgs.front());
    return nullptr;
  }

  /// `name:X` for a statement named by a key (a string, an enumerator);
  /// `decl:P` for a handle kept in a field, which other member functions run.
  std::string key(const CallRule &Rule, const CallExpr *Call,
                  const Expr *Object) {
    if (Rule.StatementArg) {
      const Expr *Name = argumentOf(Call, Rule.StatementArg);
      std::string Key = Name ? statementKey(Name, Resolver) : "";
      return Key.empty() ? "" : "name:" + Key;
    }
    const Expr *Handle = handleOf(Rule, Call, Object);
    return statementKeyOf(
        dyn_cast_or_null<FieldDecl>(Handle ? rootDecl(Handle) : nullptr));
  }

  void mapped(const CallRule &Rule, const FunctionDecl *Callee,
              const CallExpr *Call, const Expr *Object) {
    if (*Rule.TableArg >= Call->getNumArgs())
      return;
    const Expr *EntityArg =
        Rule.EntityArg && *Rule.EntityArg < Call->getNumArgs()
            ? Call->getArg(*Rule.EntityArg)
            : nullptr;
    const CXXRecordDecl *Class =
        entityClassOf(Rule, Callee, Call, Object, EntityArg);
    if (!Class)
      return;
    RecoveredSql Table =
        Resolver.resolve(Call->getArg(*Rule.TableArg), nullptr);
    if (!Table.Known() || !Table.Holes.empty() ||
        llvm::StringRef(Table.Text).trim().empty())
      return;
    // Unquoted SQL names fold to lower case.
    std::string Name = llvm::StringRef(Table.Text).trim().lower();
    std::vector<std::string> &Tables = Out.EntityTables[qualifiedName(Class)];
    if (!llvm::is_contained(Tables, Name))
      Tables.push_back(std::move(Name));
  }

  /// A `dialect` call: the database it names, and the connection it opens
  /// (a constructor without the argument opens none yet); a `connection`
  /// call, which looks one up.
  void connectionCall(const ApiModel::CallMatch &M, const Expr *Call,
                      const Expr *Object, llvm::ArrayRef<const Expr *> Args) {
    const CallRule &Rule = *M.Rule;
    std::optional<sqlfacts::Dialect> D;
    if (Rule.Action == CallAction::Dialect) {
      if (!Rule.DialectArg || *Rule.DialectArg >= Args.size())
        return;
      D = dialectNamedBy(Args[*Rule.DialectArg], *M.Library, Resolver);
      std::vector<sqlfacts::Dialect> &Named = Out.Dialects[M.Library->Library];
      if (D && !llvm::is_contained(Named, *D))
        Named.push_back(*D);
    }
    noteConnectionCall(Out.Connections[M.Library->Library], Rule, Call, Object,
                       Args, D, Resolver);
  }

  ASTContext &Ctx;
  const ApiModel &Model;
  SqlTextResolver &Resolver;
  TranslationUnitIndex &Out;
  const Stmt *Body = nullptr; ///< Of the function being walked.
  /// The function being walked, when dbrace analyses it.
  const FunctionDecl *Caller = nullptr;
};

/// A full statement \p S (or \p Initialised's initialiser) of a function
/// with body \p In: the statement it stores into a field, and the values
/// it binds to statements kept in fields.
void Indexer::fieldStatement(const Stmt *S, const FieldDecl *Initialised,
                             const Stmt *In) {
  llvm::SmallVector<std::string, 2> Keys;
  auto [Field, Value] = heldIn(S, Initialised);
  if (const Expr *Sql = Field ? heldStatementSql(Value) : nullptr) {
    const Stmt *Saved = Body;
    Body = In;
    record(statementKeyOf(Field), Sql);
    Body = Saved;
    Keys.push_back(statementKeyOf(Field));
  }
  // `select_ << "...", into(qty_);`, `update_.exchange(use(sku_));`.
  forEachCall(S, [&](const CallExpr *Call) {
    const Expr *Object = objectOfCall(Call);
    for (CallAction A : {CallAction::Prepare, CallAction::Bind})
      if (const CallRule *R = ruleOf(Call, A))
        if (const FieldDecl *F = dyn_cast_or_null<FieldDecl>(
                rootDecl(handleOf(*R, Call, Object))))
          Keys.push_back(statementKeyOf(F));
  });
  if (!Keys.empty())
    bindFields(S, Keys);
}

/// The `in_params`/`out_params` wrappers of \p S bind to each of \p Keys.
void Indexer::bindFields(const Stmt *S, llvm::ArrayRef<std::string> Keys) {
  llvm::SmallVector<const ValueDecl *, 2> Filled;
  llvm::SmallVector<const Expr *, 2> Bound;
  collectParameterWrappers(Model, Ctx.getSourceManager(), S, Filled, Bound);
  for (const std::string &Key : Keys) {
    FieldBindings &B = Out.Bindings[Key];
    llvm::append_range(B.Filled, Filled);
    llvm::append_range(B.Bound, Bound);
  }
}

} // namespace

void indexTranslationUnit(ASTContext &Ctx, const ApiModel &Model,
                          SqlTextResolver &Resolver,
                          TranslationUnitIndex &Out) {
  Indexer(Ctx, Model, Resolver, Out).TraverseAST(Ctx);
}

} // namespace dbrace
