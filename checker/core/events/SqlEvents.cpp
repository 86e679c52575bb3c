//===--- SqlEvents.cpp - SQL facts into events ----------------------------===//
//
// Each statement of a call's SQL becomes one event of the kind its facts
// say: a read, a write, a begin or end, an isolation change, a lock.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"

using namespace clang;
using namespace dbrace;

namespace dbrace {
namespace events {

/// The lock clause of a native-SQL condition, read as the tail of a
/// SELECT: `id = 7 FOR UPDATE`, `ORDER BY id FOR SHARE`.
sqlfacts::LockStrength Collector::conditionLock(const Expr *Condition,
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
  const sqlfacts::SqlFacts &Facts = *readSql(Select, Library).Facts;
  return Facts.Statements.size() == 1 ? Facts.Statements[0].Lock
                                      : sqlfacts::LockStrength::None;
}

/// The facts of \p Text: in the option's dialect; else in the one the code
/// names for \p Library; where it names several, in the one the connection
/// \p RunsOn runs on was opened in, where that is followed; else, where the
/// code picks the database at run time without saying which (or names
/// several), in the dialect that reads the text, the rules' first; else in
/// the rules' dialect. \p RunsIn gets the dialects the connection was
/// followed to where they are not one.
sqlfacts::DialectReading
Collector::readSql(llvm::StringRef Text, const LibraryRules *Library,
                   const Stmt *RunsOn,
                   llvm::SmallVectorImpl<sqlfacts::Dialect> *RunsIn) {
  sqlfacts::Dialect Default =
      Library ? Library->Dialect : sqlfacts::Dialect::PostgreSQL;
  if (Dialect)
    return {&sqlfacts::analyzeSql(Text, *Dialect), *Dialect};
  if (!Library || !Library->dialectFromCode())
    return {&sqlfacts::analyzeSql(Text, Default), Default};
  llvm::ArrayRef<sqlfacts::Dialect> Named =
      Unit.DialectsNamed ? Unit.DialectsNamed(Library->Library)
                         : llvm::ArrayRef<sqlfacts::Dialect>();
  if (Named.size() == 1)
    return {&sqlfacts::analyzeSql(Text, Named.front()), Named.front()};
  if (Named.size() > 1 && RunsOn && Unit.ConnectionDialect) {
    DialectSet Connection = Unit.ConnectionDialect(RunsOn, *Library);
    if (std::optional<sqlfacts::Dialect> D = Connection.one())
      return {&sqlfacts::analyzeSql(Text, *D), *D};
    if (RunsIn)
      RunsIn->assign(Connection.Named.begin(), Connection.Named.end());
  }
  return sqlfacts::analyzeSqlInSomeDialect(
      Text, llvm::is_contained(Named, Default) || Named.empty()
                ? Default
                : Named.front());
}

void Collector::addSqlEvents(DbEvent Base,
                             std::shared_ptr<const RecoveredSql> Sql) {
  if (!Sql->Known()) {
    if (std::optional<unsigned> P = sqlParameter(*Sql)) {
      Base.Kind = EventKind::Read;
      Base.SqlParam = *P;
      Base.Sql = std::move(Sql);
      Out.Events.push_back(std::move(Base));
    } else if (auto End = endChosenByCondition(Sql->Root, Base.Library)) {
      addSqlEvents(std::move(Base), std::move(End));
    } else {
      Out.NotUnderstood.push_back({Base.At, Sql});
    }
    return;
  }
  // A helper's own statements were read where it runs them; the SQL it is
  // passed runs on the connection the call gives it.
  sqlfacts::DialectReading Reading =
      readSql(Sql->Text, Base.Library, Base.At, &Base.RunsIn);
  if (!Base.RunsIn.empty() && !llvm::is_contained(Base.RunsIn, Reading.ReadIn))
    Base.RunsIn.push_back(Reading.ReadIn);
  const sqlfacts::SqlFacts &Facts = *Reading.Facts;
  if (!Base.Library || Reading.ReadIn != Base.Library->Dialect)
    Base.SqlDialect = Reading.ReadIn;
  if (!Facts.ParseError.empty())
    Out.NotUnderstood.push_back({Base.At, Sql});
  for (int I = 0, N = Sql->Holes.size(); I < N; ++I)
    Base.Params[FirstHoleParam + I] = Sql->Holes[I];
  for (const sqlfacts::StatementFacts &S : Facts.Statements) {
    DbEvent E = Base;
    E.Sql = Sql;
    E.Facts = &S;
    if (shapeStatementEvent(S, E))
      Out.Events.push_back(std::move(E));
  }
}

/// `ok ? "COMMIT" : "ROLLBACK"`: whichever runs, the transaction ends
/// there. The first text stands for both; a choice between statements of
/// other kinds stays unknown, as one of them may read or write.
std::shared_ptr<const RecoveredSql>
Collector::endChosenByCondition(const Expr *Root, const LibraryRules *Library) {
  const auto *Choice =
      dyn_cast_or_null<ConditionalOperator>(stripWrappers(Root));
  if (!Choice)
    return nullptr;
  std::shared_ptr<const RecoveredSql> First;
  for (const Expr *Branch : {Choice->getTrueExpr(), Choice->getFalseExpr()}) {
    auto Text = std::make_shared<const RecoveredSql>(
        Resolver.resolve(Branch, FD->getBody()));
    if (!Text->Known())
      return nullptr;
    const sqlfacts::SqlFacts &Facts = *readSql(Text->Text, Library).Facts;
    if (Facts.Statements.size() != 1 ||
        (Facts.Statements[0].Kind != sqlfacts::StatementKind::Commit &&
         Facts.Statements[0].Kind != sqlfacts::StatementKind::Rollback))
      return nullptr;
    if (!First)
      First = std::move(Text);
  }
  return First;
}

/// Makes \p E the event of statement \p S; false when \p S is none.
/// A SELECT that also writes (`WITH x AS (UPDATE ...) SELECT`) adds its
/// write first.
bool Collector::shapeStatementEvent(const sqlfacts::StatementFacts &S,
                                    DbEvent &E) {
  switch (S.Kind) {
  case sqlfacts::StatementKind::Select:
    if (S.ReleasesAdvisoryLocks) {
      E.Kind = EventKind::Unlock;
      return true;
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
    return true;
  case sqlfacts::StatementKind::Insert:
  case sqlfacts::StatementKind::Update:
  case sqlfacts::StatementKind::Delete:
  case sqlfacts::StatementKind::Upsert:
    E.Kind = EventKind::Write;
    E.Tables = S.TablesWritten;
    E.WriteKind = S.Kind;
    E.ResultExpr = nullptr;
    E.ResultDecls.clear();
    return true;
  case sqlfacts::StatementKind::Begin:
    E.Kind = EventKind::Begin;
    E.IsolationLevel = S.IsolationLevel;
    E.CoversNewRows = coversNewRows(S.Mode);
    return true;
  case sqlfacts::StatementKind::Commit:
  case sqlfacts::StatementKind::Rollback:
    E.Kind = EventKind::End;
    return true;
  case sqlfacts::StatementKind::SetTransaction:
    E.Kind = EventKind::SetIsolation;
    E.IsolationLevel = S.IsolationLevel;
    return true;
  case sqlfacts::StatementKind::LockTable:
  case sqlfacts::StatementKind::AdvisoryLock:
    E.Kind = EventKind::Lock;
    E.Lock = S.Lock;
    E.Tables = S.TablesRead;
    E.Tables.insert(E.Tables.end(), S.TablesWritten.begin(),
                    S.TablesWritten.end());
    E.CoversNewRows = true;
    // pg_advisory_lock, GET_LOCK: the session's until released.
    E.SessionWide = S.Kind == sqlfacts::StatementKind::AdvisoryLock &&
                    !llvm::StringRef(S.AdvisoryFunction).contains("xact");
    return true;
  case sqlfacts::StatementKind::Savepoint:
  case sqlfacts::StatementKind::Other:
    if (!S.ReleasesAdvisoryLocks)
      return false;
    E.Kind = EventKind::Unlock; // `DO RELEASE_LOCK(...)`.
    return true;
  }
  return true;
}

/// The parameter of this function that is the whole of \p Sql's text
/// (`sql`, `sql.c_str()`), or whose member is (`query.text` of a `Query`
/// parameter, the caller's `"..."_M`), if any.
std::optional<unsigned> Collector::sqlParameter(const RecoveredSql &Sql) const {
  if (Sql.Holes.size() != 1)
    return std::nullopt;
  const Expr *Hole = stripWrappers(Sql.Holes[0]);
  if (!isa_and_nonnull<DeclRefExpr, MemberExpr>(Hole))
    return std::nullopt;
  const auto *P = dyn_cast_or_null<ParmVarDecl>(rootDecl(Hole));
  if (!P || P->getDeclContext() != FD)
    return std::nullopt;
  return P->getFunctionScopeIndex();
}

} // namespace events
} // namespace dbrace
