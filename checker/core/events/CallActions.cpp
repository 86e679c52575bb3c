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
  return Object ? rootDecl(chainRoot(Object)) : nullptr;
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
    RuleCall C{Call, Callee, Object, Args, Discarded, *M.Rule, M.Library};
    if (C.Rule.WhenArg &&
        constantSpelling(C.arg(C.Rule.WhenArg)) != C.Rule.WhenEquals)
      continue;
    const ValueDecl *ResultHolder = nullptr;
    DbEvent Base = baseEvent(C, ResultHolder);
    addActionEvents(C, std::move(Base), ResultHolder);
  }
  return !Matches.empty();
}

/// What every action of \p C starts from: where the call runs, where its
/// result goes (\p ResultHolder: the variable holding it, or, for prepare,
/// the statement), the lock and keys its chain adds, its bound parameters.
DbEvent Collector::baseEvent(const RuleCall &C,
                             const ValueDecl *&ResultHolder) {
  const CallRule &Rule = C.Rule;
  DbEvent Base;
  Base.Kind = EventKind::Read;
  Base.At = C.Call;
  Base.Library = C.Library;
  Base.Callee = qualifiedName(C.Callee);
  Base.Connection = connectionOfObject(
      Rule.ConnectionArg ? C.arg(*Rule.ConnectionArg) : C.Object);
  // A write whose value is no row count (a status, a result handle) has
  // its count looked at only by an affected-rows call.
  Base.ResultUsed = !C.Discarded && Rule.ReturnsRowCount;
  Base.DecidesOwnWrites = Rule.DecidesWrites;
  auto AddFilled = [&] {
    for (unsigned N : Rule.ResultArgs)
      if (const Expr *Filled = C.arg(N))
        if (const ValueDecl *D = rootDecl(Filled))
          Base.ResultDecls.push_back(D);
  };
  switch (Rule.Result) {
  case ResultKind::Return:
    Base.ResultExpr = C.Call;
    ResultHolder = Target;
    // `load(id, obj)`: the object given is filled too.
    AddFilled();
    break;
  case ResultKind::Object:
    ResultHolder = objectDecl(C.Call, C.Object);
    if (ResultHolder)
      Base.ResultDecls.push_back(ResultHolder);
    break;
  case ResultKind::Argument:
    AddFilled();
    if (!Base.ResultDecls.empty())
      ResultHolder = Base.ResultDecls.front();
    break;
  case ResultKind::None:
    break;
  }
  if (Rule.Action == CallAction::Read || Rule.Action == CallAction::Execute ||
      Rule.Action == CallAction::ExecutePrepared)
    addChainCalls(C.Call, Base);
  if (Rule.ParamsFrom)
    for (unsigned I = *Rule.ParamsFrom; I < C.Args.size(); ++I)
      Base.Params[I - *Rule.ParamsFrom + 1] = C.Args[I];
  return Base;
}

/// The lock and the keys that `lock` and `key` calls on \p Read's chain add.
void Collector::addChainCalls(const Expr *Read, DbEvent &Base) {
  for (const ChainCall &C : chainCallsOf(Read)) {
    if (C.Rule->Action == CallAction::Lock) {
      Base.Lock = C.Rule->LockStrength;
    } else {
      llvm::ArrayRef<const Expr *> A = callArguments(C.Call);
      llvm::SmallVector<unsigned, 2> Keys(C.Rule->KeyArgs.begin(),
                                          C.Rule->KeyArgs.end());
      if (C.Rule->KeyArg)
        Keys.insert(Keys.begin(), *C.Rule->KeyArg);
      for (unsigned N : Keys)
        if (const ValueDecl *D = N < A.size() ? keyDecl(A[N]) : nullptr)
          Base.KeyDecls.push_back(D);
    }
  }
}

void Collector::addActionEvents(const RuleCall &C, DbEvent Base,
                                const ValueDecl *ResultHolder) {
  const CallRule &Rule = C.Rule;
  switch (Rule.Action) {
  case CallAction::Execute:
    return runSql(C, std::move(Base));
  case CallAction::Prepare:
    return prepareSql(C, ResultHolder);
  case CallAction::ExecutePrepared:
    return runPrepared(C, std::move(Base));
  case CallAction::Bind:
    return visitBind(Rule, C.Object, C.Args);
  case CallAction::AffectedRows:
    // The count of the last write is looked at: a conditional write
    // checks for itself.
    if (DbEvent *Write = lastEvent(EventKind::Write); Write && !C.Discarded)
      Write->ResultUsed = true;
    return;
  case CallAction::ReadStatus:
    if (DbEvent *Read = lastEvent(EventKind::Read)) {
      Read->StatusCalls.push_back(C.Call);
      return;
    }
    Base.Kind = EventKind::Read;
    Base.CallersRead = true;
    Base.StatusCalls.push_back(C.Call);
    Out.Events.push_back(std::move(Base));
    return;
  case CallAction::Lookup:
    return lookupSql(C, ResultHolder);
  case CallAction::Read:
  case CallAction::Write:
    if (const Expr *Condition = C.arg(Rule.ConditionArg))
      Base.Lock = std::max(Base.Lock, conditionLock(Condition, C.Library));
    return addEntityEvent(std::move(Base), Rule, C.Call, C.Callee, C.Object,
                          C.arg(Rule.EntityArg), C.keyArgs(), ResultHolder);
  case CallAction::Begin:
  case CallAction::Autocommit:
    Base.Kind = EventKind::Begin;
    Base.Autocommit = Rule.Action == CallAction::Autocommit;
    Base.Chain = Rule.Chain;
    Base.IsolationLevel = isolationOf(Rule, C.Args);
    Base.CoversNewRows = coversNewRows(Rule.Mode);
    break;
  case CallAction::SetIsolation:
    Base.Kind = EventKind::SetIsolation;
    Base.IsolationLevel = isolationOf(Rule, C.Args);
    Base.SessionWide = true;
    break;
  case CallAction::Commit:
  case CallAction::Rollback:
    Base.Kind = EventKind::End;
    break;
  case CallAction::Slow:
    Base.Kind = EventKind::Slow;
    break;
  case CallAction::Lock: // Part of the read that contains it.
  case CallAction::Key:
  case CallAction::EntityTable: // Indexed for the whole TU.
  case CallAction::Dialect:     // Likewise.
  case CallAction::Connection:  // Followed back from the statements run on it.
  case CallAction::SqlText:     // Part of the SQL that contains it.
  case CallAction::Format:
  case CallAction::ParameterIndex: // Read by the bind it numbers.
    return;
  case CallAction::Fetch:
    return fetchInto(C);
  }
  Out.Events.push_back(std::move(Base));
}

/// `execute`: the SQL runs here, or, for a statement that runs only with a
/// manipulator it lacks, later, as the statement the call initialises.
void Collector::runSql(const RuleCall &C, DbEvent Base) {
  bindSqlParams(C, Base);
  if (!C.Rule.Sql.empty())
    return addSqlEvents(std::move(Base), fixedSql(C));
  const Expr *SqlArg = C.arg(C.Rule.SqlArg);
  if (!SqlArg)
    return;
  auto Sql = std::make_shared<const RecoveredSql>(
      Resolver.resolve(SqlArg, FD->getBody()));
  if (C.Rule.When == Runs::Later) {
    Base.RunsLater = true;
    Base.Connection = laterConnection();
  }
  if (C.Rule.RunsWith.empty() || appliesAny(C.Rule.RunsWith)) {
    addSqlEvents(std::move(Base), Sql);
  } else if (std::string Key = declKey(Target); !Key.empty()) {
    // `Statement st = (session << "...", into(x));` runs later.
    Prepared[Key] = Sql;
    KeysInStatement.push_back(Key);
  }
}

/// `prepare`: the SQL is registered under its name or its handle.
void Collector::prepareSql(const RuleCall &C, const ValueDecl *ResultHolder) {
  const Expr *SqlArg = C.arg(C.Rule.SqlArg);
  if (!SqlArg)
    return;
  std::string Key = C.Rule.StatementArg
                        ? statementKey(C.arg(C.Rule.StatementArg))
                        : declKey(ResultHolder);
  if (Key.empty())
    return;
  Prepared[Key] = std::make_shared<const RecoveredSql>(
      Resolver.resolve(SqlArg, FD->getBody()));
  KeysInStatement.push_back(Key);
}

/// `execute_prepared`: the SQL registered under the statement's key, here
/// or anywhere in the translation unit, with the values bound to it.
void Collector::runPrepared(const RuleCall &C, DbEvent Base) {
  const Expr *Statement = C.arg(C.Rule.StatementArg);
  if (Statement && isa<CallExpr>(stripWrappers(Statement))) {
    // `db.Query(db.GetPreparedStatement(KEY))`: a lookup in place.
    addSqlEvents(std::move(Base),
                 std::make_shared<const RecoveredSql>(
                     Resolver.resolve(Statement, FD->getBody())));
    return;
  }
  std::string Key = C.Rule.StatementArg ? statementKey(Statement)
                                        : declKey(objectDecl(C.Call, C.Object));
  // `db.Query(stmt)`: the variable a lookup stored the statement in.
  if (const ValueDecl *Holder = Statement ? rootDecl(Statement) : nullptr;
      Holder && Prepared.count(declKey(Holder)))
    Key = declKey(Holder);
  if (Key.empty())
    return;
  std::shared_ptr<const RecoveredSql> Sql;
  if (auto It = Prepared.find(Key); It != Prepared.end())
    Sql = It->second;
  else
    Sql = Unit.NamedStatement(Key);
  applyBindings(Base, Key, Sql.get());
  if (Sql)
    addSqlEvents(std::move(Base), std::move(Sql));
}

/// `lookup`: `stmt = db.GetPreparedStatement(KEY)` then `db.Query(stmt)`.
void Collector::lookupSql(const RuleCall &C, const ValueDecl *ResultHolder) {
  if (!ResultHolder)
    return;
  auto Sql = std::make_shared<const RecoveredSql>(
      Resolver.resolve(C.Call, FD->getBody()));
  if (Sql->Known())
    Prepared[declKey(ResultHolder)] = Sql;
}

} // namespace events
} // namespace dbrace
