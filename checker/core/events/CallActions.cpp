//===--- CallActions.cpp - The events of a rule-matched call --------------===//
//
// A call that rules describe becomes events according to the rule's
// action: SQL run, prepared or bound, transactions begun and ended, ORM
// reads and writes, slow calls.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"

using namespace clang;
using namespace dbrace;

namespace dbrace {
namespace events {

llvm::SmallVector<ApiModel::CallMatch, 2>
Collector::matchingRules(const FunctionDecl *Callee, const Expr *Object) {
  return dbrace::matchingRules(Model, Callee, Object);
}

/// The object a call works on: the variable a constructor constructs, or
/// the root of a method's object expression.
const ValueDecl *Collector::objectDecl(const Expr *Call, const Expr *Object) {
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Call)) {
    auto It = ConstructedBy.find(CE);
    return It == ConstructedBy.end() ? nullptr : It->second;
  }
  return Object ? rootDecl(Object) : nullptr;
}

/// The last event of \p Kind collected so far, in source order; a
/// statement whose SQL is a parameter may be of any kind.
DbEvent *Collector::lastEvent(EventKind Kind) {
  for (auto It = Out.Events.rbegin(); It != Out.Events.rend(); ++It)
    if (It->Kind == Kind || It->SqlParam >= 0)
      return &*It;
  return nullptr;
}

/// Adds the events of the rules \p Callee matches; false if none does.
bool Collector::visitCall(const Expr *Call, const FunctionDecl *Callee,
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
    if (Rule.Action == CallAction::Read || Rule.Action == CallAction::Execute ||
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
      std::string Key = Rule.StatementArg ? statementKey(Statement)
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
    case CallAction::Lock: // Part of the read that contains it.
    case CallAction::Key:
    case CallAction::EntityTable: // Indexed for the whole TU.
    case CallAction::SqlText:     // Part of the SQL that contains it.
    case CallAction::Format:
      break;
    }
  }
  return !Matches.empty();
}

} // namespace events
} // namespace dbrace
