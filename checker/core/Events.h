//===--- Events.h - The database events of one function -------------------===//
//
// Each call or construction the API model knows becomes one event per SQL
// statement it runs: a read, a write, a transaction's begin or end, a lock,
// an isolation change, or a slow call.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_EVENTS_H
#define DBRACE_CORE_EVENTS_H

#include "ApiModel.h"
#include "ConnectionDialects.h"
#include "SqlText.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <string>
#include <vector>

namespace dbrace {

struct FixPlan;

enum class EventKind {
  Read,
  Write,
  Begin,
  End,
  SetIsolation,
  Lock,
  Unlock, ///< Releases the session-level locks (`pg_advisory_unlock`).
  Slow
};

/// Where statements run: connection 0 is the one the function uses; each
/// transaction object that statements are run through is a connection of
/// its own.
enum class ConnectionStart { NoTransaction, CallerTransaction, Autocommit };

/// What an event does, the same in the function that runs it and in the
/// summary its callers see: DbEvent and SummaryEvent both start with it, so
/// that one is copied into the other in one assignment.
struct EventEffect {
  EventKind Kind = EventKind::Read;
  const LibraryRules *Library = nullptr;
  std::string Callee; ///< Qualified name, for messages.
  /// Read: tables read; write: tables written; lock: tables locked.
  std::vector<std::string> Tables;
  sqlfacts::StatementKind WriteKind = sqlfacts::StatementKind::Other;
  sqlfacts::LockStrength Lock = sqlfacts::LockStrength::None;
  /// BEGIN IMMEDIATE/EXCLUSIVE, LOCK TABLE, an advisory lock: covers rows
  /// that do not exist yet, which a row lock cannot.
  bool CoversNewRows = false;
  /// Begin: the isolation of the transaction it begins; SetIsolation: the
  /// isolation it sets.
  sqlfacts::Isolation IsolationLevel = sqlfacts::Isolation::Unspecified;
  bool Autocommit = false; ///< Begin of an autocommit handle or mode.
  /// Begin of a transaction mode: its commit begins the next transaction.
  bool Chain = false;
  /// Read: made before the function was called; a status call here picks
  /// up its rows (`mysql_store_result(conn)` in a helper that fetches
  /// them). Without tables here; a caller's call of the function is then
  /// a status call of the caller's last read.
  bool CallersRead = false;
};

struct DbEvent : EventEffect {
  const clang::Stmt *At = nullptr; ///< The call or construction.
  unsigned Connection = 0;

  std::shared_ptr<const RecoveredSql> Sql;
  const sqlfacts::StatementFacts *Facts = nullptr; ///< Null for non-SQL events.
  /// The dialect Facts were read in, where it is not the library's: the
  /// one the code names, or the one that reads the text.
  std::optional<sqlfacts::Dialect> SqlDialect;
  /// The dialects the connection it runs on may have been opened in, where
  /// they are several (a helper the file calls with an SQLite and a
  /// PostgreSQL connection): a fix-it's SQL must be valid in each.
  llvm::SmallVector<sqlfacts::Dialect, 2> RunsIn;

  /// SetIsolation by a session setting: it also sets the isolation of the
  /// transactions begun later. Lock: a session-level lock, held across
  /// transactions until released.
  bool SessionWide = false;
  /// Begin by constructing an object: the rule of its type.
  const TypeRule *Type = nullptr;

  /// A read's result: the call's value, or objects and arguments it fills.
  const clang::Expr *ResultExpr = nullptr;
  llvm::SmallVector<const clang::ValueDecl *, 2> ResultDecls;

  /// `$N` bound to a C++ expression: holes of the text, or bound arguments.
  llvm::DenseMap<int, const clang::Expr *> Params;
  /// The write's affected-row count (its value) is looked at.
  bool ResultUsed = false;
  /// A write that cannot be lost: an ORM's version column, or a helper's
  /// conditional update whose row count it looks at.
  bool Versioned = false;

  /// Values bound to the statement by the library's in-parameter wrappers
  /// (`use(x)`): written by a write, they make it consume a read.
  llvm::SmallVector<const clang::Expr *, 2> Inputs;
  /// The variables bound to the keys of the statement's WHERE, or named as
  /// keys by the rules (`key_arg`, `key` calls in the read's chain).
  llvm::SmallVector<const clang::ValueDecl *, 2> KeyDecls;
  /// Without SQL: the variable holding the key that identifies the one row
  /// read (`get(id)`), or written through an object read by such a read
  /// (`e.save()`); null when unknown.
  const clang::ValueDecl *RowKey = nullptr;
  /// The further variables of a row keyed by several (`key_args`:
  /// `get(site, label)`), in the rule's order after RowKey.
  llvm::SmallVector<const clang::ValueDecl *, 1> RowKeyMore;
  /// Queued to run later on another connection (`runs: later`): outside
  /// any transaction this function opens, so no fix here can cover it.
  bool RunsLater = false;
  /// Begin of a savepoint: it continues the transaction of this connection.
  int ParentConnection = -1;
  /// Calls whose value tells what this read found (`got_data()`).
  llvm::SmallVector<const clang::Expr *, 1> StatusCalls;
  /// The SQL is the function's parameter N, so what the statement does is
  /// known only at each call site. Such an event is a Read without tables
  /// here; the summary carries it to the callers.
  int SqlParam = -1;

  /// Set on the events a call of a summarised helper stands for.
  const clang::Stmt *Origin = nullptr; ///< Where, in the helper.
  std::string OriginFunction;          ///< The helper's name.
  bool OwnTransaction = false;         ///< The helper's own transaction.
  bool AnyTransaction = false; ///< Through a helper's field: any open one.
  /// A lambda's write guarded by a variable it captured: the variable and
  /// the condition in the lambda. The caller's read of the variable decides
  /// the write as an `if` around the call would.
  llvm::SmallVector<std::pair<const clang::ValueDecl *, const clang::Expr *>, 1>
      CapturedGuards;
  /// Read: the call's own function decides the writes it makes after this
  /// read on the value read (a helper's read-check-write on the caller's
  /// connection), so the pair is judged here, in this caller's transaction.
  /// DecidedAt: the helper's check, where it is in this unit; Checked: a
  /// check rather than the value fed into the write.
  bool DecidesOwnWrites = false;
  const clang::Expr *DecidedAt = nullptr;
  bool Checked = true;
  /// The helper's own fix for the race, where this is its one call.
  std::shared_ptr<const FixPlan> HelperFix;
  /// The function whose read decides its own writes, where it is defined in
  /// this unit (called here, or through functions that pass the caller's
  /// connection on): whether its other calls run in a transaction decides
  /// whether a lock clause in it is a fix.
  const clang::FunctionDecl *DecidingHelper = nullptr;
};

struct FunctionEvents {
  std::vector<DbEvent> Events;
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 2>> ByStmt;
  /// RAII transaction variables and the connection their destructor ends.
  llvm::DenseMap<const clang::VarDecl *, unsigned> RaiiEnds;
  /// RAII transaction variables and the index of their Begin event.
  llvm::DenseMap<const clang::VarDecl *, unsigned> RaiiBegins;
  std::vector<ConnectionStart> Connections{ConnectionStart::NoTransaction};
  /// The isolation a handle's type gives the caller's transaction
  /// (`lib::transaction<lib::serializable> &`), per connection.
  std::vector<sqlfacts::Isolation> ConnectionIsolations{
      sqlfacts::Isolation::Unspecified};
  std::vector<const clang::ValueDecl *> ConnectionDecls{nullptr};
  /// Calls the API model knows that are no event themselves (prepare, bind,
  /// accessors): their arguments go only where their rules say.
  llvm::SmallPtrSet<const clang::Stmt *, 8> ModelCalls;
  /// Calls whose SQL the analysis could not read: its text was not
  /// recovered (Sql is not Known), or it did not parse. Nothing they run is
  /// an event, or only a tokenizer's guess: counted for the driver's
  /// summary, so that silence there is not taken for safety.
  struct SqlNotUnderstood {
    const clang::Stmt *At = nullptr;
    std::shared_ptr<const RecoveredSql> Sql;
  };
  std::vector<SqlNotUnderstood> NotUnderstood;

  bool empty() const { return Events.empty(); }
};

struct FunctionSummary;
struct FieldBindings;

/// What collecting events needs from the rest of the translation unit.
struct TranslationUnitFacts {
  /// The summary of a function of this TU; null when it does nothing.
  llvm::function_ref<const FunctionSummary *(const clang::FunctionDecl *)>
      Summary;
  /// The SQL prepared anywhere in this TU under a statement key (`name:X`
  /// for a string name, `decl:P` for a handle kept in a field); null if
  /// none or more than one.
  llvm::function_ref<std::shared_ptr<const RecoveredSql>(llvm::StringRef)>
      NamedStatement;
  /// The tables an entity class is mapped to anywhere in this TU by an
  /// `entity_table` rule (`mapClass<Event>("events")`), by its qualified
  /// name.
  llvm::function_ref<llvm::ArrayRef<std::string>(llvm::StringRef)> EntityTables;
  /// What is bound, outside the function being walked, to the statement
  /// kept in a field (by its key); null if nothing.
  llvm::function_ref<const FieldBindings *(llvm::StringRef)> FieldBindingsOf;
  /// The dialects a library's `dialect` calls name anywhere in this TU, by
  /// the library's name: one when the code says which database it uses.
  llvm::function_ref<llvm::ArrayRef<sqlfacts::Dialect>(llvm::StringRef)>
      DialectsNamed;
  /// Where it names several: the ones the connection a statement runs on
  /// was opened in (the call, or a connection argument), as far as followed.
  llvm::function_ref<DialectSet(const clang::Stmt *, const LibraryRules &)>
      ConnectionDialect;
};

/// The key of the statement held in \p Handle, as TranslationUnitFacts'
/// NamedStatement takes it; empty for null.
std::string statementKeyOf(const clang::ValueDecl *Handle);

/// Rules matching a call of \p Callee on \p Object (null for free functions
/// and constructors).
llvm::SmallVector<ApiModel::CallMatch, 2>
matchingRules(const ApiModel &Model, const clang::FunctionDecl *Callee,
              const clang::Expr *Object);

/// Adds the values the `out_params` wrappers in \p S fill (`into(x)`) and
/// those the `in_params` wrappers bind (`use(y)`); \p Bound, with what it
/// held, ends in source order, which is placeholder order.
void collectParameterWrappers(
    const ApiModel &Model, const clang::SourceManager &SM, const clang::Stmt *S,
    llvm::SmallVectorImpl<const clang::ValueDecl *> &Filled,
    llvm::SmallVectorImpl<const clang::Expr *> &Bound);

/// The entity class of a `read`, `write` or `entity_table` rule's call: its
/// template argument, its argument's class, or else the class of the object
/// (`event.save()`) or of the value returned; null when none.
const clang::CXXRecordDecl *entityClassOf(const CallRule &Rule,
                                          const clang::FunctionDecl *Callee,
                                          const clang::Expr *Call,
                                          const clang::Expr *Object,
                                          const clang::Expr *EntityArg);

/// Finds the events in \p FD's body. Cheap when the body calls nothing the
/// model knows, which is the common case. Calls of functions whose
/// \p Summaries are not empty stand for the events of the summary.
FunctionEvents collectEvents(const clang::FunctionDecl *FD,
                             clang::ASTContext &Ctx, const ApiModel &Model,
                             SqlTextResolver &Resolver,
                             std::optional<sqlfacts::Dialect> Dialect,
                             const TranslationUnitFacts &Unit);

} // namespace dbrace

#endif // DBRACE_CORE_EVENTS_H
