//===--- StatementBindings.cpp - Prepared statements and their values -----===//
//
// Statements prepared under a key (a name, or the handle variable that
// holds them) and the in- and out-parameters bound to them, so that the
// call that runs one later gets its SQL, its inputs and its results.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"
#include "TranslationUnitIndex.h"
#include "sql/Normalize.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace dbrace;

std::string dbrace::statementKeyOf(const ValueDecl *Handle) {
  return Handle ? "decl:" + std::to_string(reinterpret_cast<uintptr_t>(Handle))
                : "";
}

namespace dbrace {
namespace events {

/// Whether the full statement being walked names one of \p Functions
/// (a manipulator: `..., now`).
bool Collector::appliesAny(llvm::ArrayRef<std::string> Functions) const {
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
void Collector::attachParameters(const Stmt *S, size_t First) {
  if (First == Out.Events.size() && KeysInStatement.empty())
    return;
  // Wrappers run before the statement they bind is known (`sql << "...",
  // use(v, "id")`); the events this statement ran are known now.
  llvm::SmallVector<const ValueDecl *, 2> Filled;
  llvm::SmallVector<const Expr *, 2> Bound(ChainedValues.begin(),
                                           ChainedValues.end());
  collectParameterWrappers(Model, Ctx.getSourceManager(), S, Filled, Bound);
  // A value bound by name takes no place among those bound by place.
  llvm::erase_if(Bound, [&](const Expr *V) {
    return llvm::any_of(ChainedNamed,
                        [&](const auto &Named) { return Named.second == V; });
  });
  for (size_t I = First; I < Out.Events.size(); ++I) {
    DbEvent &E = Out.Events[I];
    if (E.Kind == EventKind::Read)
      E.ResultDecls.append(Filled.begin(), Filled.end());
    E.Inputs.append(Bound.begin(), Bound.end());
    for (size_t N = 0; N < Bound.size(); ++N)
      E.Params.try_emplace(N + 1, Bound[N]);
    if (E.Sql)
      bindByName(E, ChainedNamed, *E.Sql);
  }
  // `statement st = (sql.prepare << "...", into(x), use(y));`,
  // `st.exchange(into(x));`: the statement fills and binds them when it
  // runs.
  for (const std::string &Key : KeysInStatement) {
    Binding &B = Bindings[Key];
    B.Filled.append(Filled.begin(), Filled.end());
    B.Bound.append(Bound.begin(), Bound.end());
    for (const auto &Named : ChainedNamed)
      B.ByName[Named.first()] = Named.second;
  }
}

/// A placeholder's name as binds spell it and SQL writes it, without the
/// sigil: `:code`, `@code`, `$code` and `code` are one name.
static llvm::StringRef bareName(llvm::StringRef Name) {
  if (!Name.empty() && llvm::StringRef(":@$").contains(Name.front()))
    Name = Name.drop_front();
  return Name;
}

/// Values bound by name go to the placeholders of that name in \p Sql.
void Collector::bindByName(DbEvent &E,
                           const llvm::StringMap<const Expr *> &Named,
                           const RecoveredSql &Sql) {
  if (Named.empty() || !Sql.Known())
    return;
  sqlfacts::Dialect D = Dialect.value_or(
      E.Library ? E.Library->Dialect : sqlfacts::Dialect::PostgreSQL);
  for (const sqlfacts::NamedPlaceholder &P :
       sqlfacts::namedPlaceholders(Sql.Text, D)) {
    auto It = Named.find(bareName(P.Name));
    if (It == Named.end())
      continue;
    E.Params[P.Number] = It->second;
    E.Inputs.push_back(It->second);
  }
}

/// The name a bind's argument spells: a string (`":code"`, or a wrapper
/// that carries one), or a `parameter_index` call on one
/// (`bind(st, parameter_index(st, ":code"), v)`), directly or through the
/// variable it initialises.
std::optional<std::string> Collector::placeholderName(const Expr *E) {
  if (!E)
    return std::nullopt;
  if (std::optional<std::string> Name = parameterIndexName(E))
    return Name;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(stripWrappers(E)))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
        V && V->isLocalVarDecl() && V->getInit())
      if (std::optional<std::string> Name = parameterIndexName(V->getInit()))
        return Name;
  if (E->IgnoreParenImpCasts()->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  RecoveredSql Text = Resolver.resolve(E, FD->getBody());
  if (!Text.Known() || !Text.Holes.empty() || Text.Text.empty())
    return std::nullopt;
  return bareName(Text.Text).str();
}

std::optional<std::string> Collector::parameterIndexName(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(stripWrappers(E));
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return std::nullopt;
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  for (const ApiModel::CallMatch &M :
       matchingRules(Callee, objectOfCall(Call))) {
    if (M.Rule->Action != CallAction::ParameterIndex ||
        *M.Rule->NameArg >= Args.size())
      continue;
    RecoveredSql Text = Resolver.resolve(Args[*M.Rule->NameArg], FD->getBody());
    if (Text.Known() && Text.Holes.empty())
      return bareName(Text.Text).str();
  }
  return std::nullopt;
}

/// `code_ = code;` in a member function: what \p LHS, a member of `this`,
/// holds from now on.
void Collector::noteMemberStore(const Expr *LHS, const Expr *RHS) {
  const auto *ME = dyn_cast<MemberExpr>(LHS->IgnoreParenImpCasts());
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return;
  if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
    MemberValues[Field] = RHS;
}

/// The value a member of `this` bound by reference holds when the statement
/// runs: the one this function stored there last, if any; else \p Bound.
const Expr *Collector::storedValue(const Expr *Bound) const {
  const auto *ME = dyn_cast<MemberExpr>(Bound->IgnoreParenImpCasts());
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return Bound;
  const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  auto It = Field ? MemberValues.find(Field) : MemberValues.end();
  return It == MemberValues.end() ? Bound : It->second;
}

/// A statement run by key gets the values bound to it here, or else those
/// bound where the field that holds it was prepared; values bound by name
/// need its SQL, \p Sql.
void Collector::applyBindings(DbEvent &E, llvm::StringRef Key,
                              const RecoveredSql *Sql) {
  auto It = Bindings.find(Key);
  if (It == Bindings.end()) {
    if (const FieldBindings *Field = Unit.FieldBindingsOf(Key)) {
      E.ResultDecls.append(Field->Filled.begin(), Field->Filled.end());
      // Bound where the statement was prepared, to members of the object:
      // the row is the one of the value this function stored in them.
      for (size_t N = 0; N < Field->Bound.size(); ++N) {
        E.Params.try_emplace(N + 1, storedValue(Field->Bound[N]));
        E.Inputs.push_back(Field->Bound[N]);
      }
    }
    return;
  }
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
  if (Sql)
    bindByName(E, B.ByName, *Sql);
  E.Inputs.append(B.Unplaced.begin(), B.Unplaced.end());
}

/// `bind(st, 2, v)`, `st << v`, `st.exchange(use(v))`.
void Collector::visitBind(const CallRule &Rule, const Expr *Object,
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
    // `use(v, "code")`: bound by name to what the full statement runs; a
    // wrapper without a name is bound by its place, as an in-parameter.
    if (Rule.NameArg) {
      if (std::optional<std::string> Name = placeholderName(Arg(Rule.NameArg));
          Name && Value)
        ChainedNamed[*Name] = Value;
      return;
    }
    // A chain on the statement a call returns
    // (`sql << "UPDATE ..." << v << exec`): bound to what that call runs.
    if (Value && !Rule.AllPlaceholders)
      ChainedValues.push_back(Value);
    return;
  }
  KeysInStatement.push_back(Key);
  if (!Value)
    return;
  Binding &B = Bindings[Key];
  if (Rule.AllPlaceholders) {
    B.Unplaced.push_back(Value);
    return;
  }
  // `bindValue(":code", v)`, `bind(st, bind_parameter_index(st, ":code"), v)`.
  if (Rule.NameArg || Rule.IndexArg)
    if (std::optional<std::string> Name =
            placeholderName(Arg(Rule.NameArg ? Rule.NameArg : Rule.IndexArg))) {
      B.ByName[*Name] = Value;
      return;
    }
  if (const Expr *Index = Arg(Rule.IndexArg)) {
    Expr::EvalResult R;
    if (Index->EvaluateAsInt(R, Ctx) &&
        R.Val.getInt().getExtValue() >= Rule.FirstIndex)
      B.Numbered[R.Val.getInt().getExtValue() - Rule.FirstIndex + 1] = Value;
    return;
  }
  B.Bound.push_back(Value);
}

/// The variables bound to each event's keys, once all bindings are known.
void Collector::bindKeys() {
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

std::string Collector::declKey(const ValueDecl *V) { return statementKeyOf(V); }

/// A registry key (`"name"`, `Stmt::kReserve`, a std::string built from a
/// constant), or a handle variable.
std::string Collector::statementKey(const Expr *E) {
  if (!E)
    return "";
  E = chainRoot(E);
  std::string Key = dbrace::statementKey(E, Resolver);
  return Key.empty() ? declKey(rootDecl(E)) : "name:" + Key;
}

} // namespace events
} // namespace dbrace
