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

/// A statement run by key gets the values bound to it here, or else those
/// bound where the field that holds it was prepared.
void Collector::applyBindings(DbEvent &E, llvm::StringRef Key) {
  auto It = Bindings.find(Key);
  if (It == Bindings.end()) {
    if (const FieldBindings *Field = Unit.FieldBindingsOf(Key)) {
      E.ResultDecls.append(Field->Filled.begin(), Field->Filled.end());
      for (size_t N = 0; N < Field->Bound.size(); ++N) {
        E.Params.try_emplace(N + 1, Field->Bound[N]);
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
  std::string Key = dbrace::statementKey(E, Resolver);
  return Key.empty() ? declKey(rootDecl(E)) : "name:" + Key;
}

} // namespace events
} // namespace dbrace
