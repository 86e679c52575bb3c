//===--- ApiModel.h - What the database APIs do, loaded from rules -------===//
//
// Every library dbrace knows is described by a YAML rules file; the analysis
// only ever asks this model. Users' own data-access layers are one more file.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_APIMODEL_H
#define DBRACE_CORE_APIMODEL_H

#include "sql/SqlFacts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace {

/// What calling a function or constructor does.
enum class CallAction {
  Execute,         ///< Runs the SQL in SqlArg.
  Prepare,         ///< Binds the SQL in SqlArg to a statement handle or name.
  ExecutePrepared, ///< Runs a statement bound earlier by Prepare.
  Read,            ///< Reads an entity without SQL (ORM load/find).
  Write,           ///< Writes an entity without SQL (ORM update/persist).
  Begin,
  Commit,
  Rollback,
  Autocommit,     ///< Commits what is open; later statements each commit
                  ///< on their own (`setAutoCommit(true)`).
  SetIsolation,   ///< Sets the isolation of the session's transactions.
  Lock,           ///< Marks the read whose statement it is part of as locking
                  ///< (`select(...).for_update()`, `lockExclusive()`).
  Slow,           ///< Work that must not run while a lock is held.
  SqlText,        ///< A wrapper that only carries SQL text (its SqlArg).
  Bind,           ///< Binds a value (ValueArg, or the in/out-parameter
                  ///< wrappers among its arguments) to a statement handle.
  AffectedRows,   ///< Returns the row count of the last write.
  ReadStatus,     ///< Returns what the last read found (`got_data()`).
  Format,         ///< Builds text from a format and arguments (`snprintf`).
  Lookup,         ///< The statement registered under a key by Prepare.
  Key,            ///< Adds the value of KeyArg to the keys of the read or
                  ///< write whose statement it is part of (`filter(f, v)`).
  EntityTable,    ///< Names the table of an entity class: the class given
                  ///< by EntityTemplateArg/EntityArg is stored in the
                  ///< table TableArg spells (`mapClass<Event>("events")`).
  ParameterIndex, ///< Returns the number of the placeholder named by
                  ///< NameArg (`parameter_index(st, ":id")`).
  Fetch,          ///< Fetches the current row of the last read into the
                  ///< arguments Result names (`cursor.nextRow(row)`).
  Dialect,        ///< Says which database the library talks to: argument
                  ///< DialectArg spells it, through the library's `names`
                  ///< (a driver's name, a connection string's scheme), for
                  ///< the connection Result says, registered under the name
                  ///< ConnectionNameArg spells where the rule gives one.
  Connection      ///< Returns the connection registered under the name
                  ///< ConnectionNameArg spells (left out: the default one).
};

/// What a call returns, where a chain goes on from it.
enum class Returns {
  Value, ///< Its own value (a result, a status).
  Object ///< The object it is called on (`stmt->bind(...)->execute()`).
};

/// When the statement a call runs is run.
enum class Runs {
  Now,  ///< Here, on the caller's connection.
  Later ///< Queued to run later on another connection, outside any
        ///< transaction of the caller (`tasks.addTask(sql)`).
};

/// How a Format call's placeholders are spelled and filled.
enum class FormatStyle {
  Printf,       ///< `%d`, `%s`, `%*d`, `%2$s`; `%%` is a percent sign.
  Braces,       ///< `{}`, `{0}`, `{name}`, `{:>8}`; `{{` and `}}` escape.
  PercentNumber ///< `%1`...`%99`: each call fills the lowest-numbered ones.
};

/// Where a read's result goes; for Prepare, where the statement handle goes.
/// `Object` of a constructor is the variable it constructs; `Return` of a
/// Prepare is the variable its value initialises or is assigned to.
enum class ResultKind { Return, Object, Argument, None };

struct CallRule {
  /// Qualified name without template arguments, `lib::transaction_base::exec`
  /// or `lib_exec`. A method rule matches calls through derived classes.
  /// A destructor, `lib::Guard::~Guard`, ends a transaction when a variable
  /// of its class goes out of scope.
  std::string Name;
  /// The line of the rules file the rule is written on; 0 for rules made
  /// from options.
  unsigned Line = 0;
  Returns ReturnsWhat = Returns::Value;
  Runs When = Runs::Now;
  CallAction Action = CallAction::Execute;
  std::optional<unsigned> SqlArg;
  /// Execute: the SQL the call always runs, fixed by the rules rather than
  /// an argument (a summarised function of the project's own): `{N}` in it
  /// stands for argument N's value written into the text, `{?}` for a value
  /// that is no argument.
  std::string Sql;
  /// Execute: the arguments bound to the placeholders `$1`, `$2`, ... (the
  /// `?` in order); -1 for a placeholder bound to no argument.
  std::vector<int> SqlParams;
  ResultKind Result = ResultKind::Return;
  /// With ResultKind::Argument: the arguments filled (`argument 2 3 4`).
  std::vector<unsigned> ResultArgs;
  /// Execute/Read: the function itself checks the value read and decides
  /// on it the writes its later rules make (a layer's read-check-write on
  /// the caller's connection); the caller's transaction decides the race.
  bool DecidesWrites = false;
  /// The call runs on the connection or transaction handle passed as this
  /// argument (a helper of the project's taking `lib::work &`), not on
  /// its object.
  std::optional<unsigned> ConnectionArg;
  /// First argument bound to `$1` (and following); exec_params-style.
  std::optional<unsigned> ParamsFrom;
  /// Prepare/ExecutePrepared/Lookup: the argument naming the statement (a
  /// key: a string, an enumerator, or a constant holding one; or else a
  /// handle variable). Absent for ExecutePrepared: the object.
  std::optional<unsigned> StatementArg;
  /// Execute: the SQL runs only when one of these manipulators is applied
  /// in the same full expression (`..., now`); without one, the call
  /// prepares a statement for the variable it initialises or is assigned to.
  std::vector<std::string> RunsWith;
  /// Execute/ExecutePrepared: the call's value counts the rows a write
  /// changed. False where it is a status code or a result handle kept to be
  /// freed: only an AffectedRows call then looks at the count.
  bool ReturnsRowCount = true;
  /// Bind: the argument holding the bound value, and the one holding the
  /// 1-based placeholder number (absent: the statement's next placeholder).
  std::optional<unsigned> ValueArg;
  std::optional<unsigned> IndexArg;
  /// Bind, ParameterIndex: the argument spelling the placeholder's name
  /// (`":code"`, `"code"`); a bind whose IndexArg is this argument takes a
  /// string there as a name and a number as an index.
  std::optional<unsigned> NameArg;
  /// Format: the format argument (absent: the object), the first argument
  /// it formats, and its placeholder syntax.
  std::optional<unsigned> FormatArg;
  std::optional<unsigned> ArgsFrom;
  FormatStyle Style = FormatStyle::Printf;
  /// Read/Write without SQL: the entity is template argument N, or argument N.
  std::optional<unsigned> EntityTemplateArg;
  std::optional<unsigned> EntityArg;
  /// A fixed entity: a DAO method that always reads or writes one table.
  std::string Entity;
  sqlfacts::StatementKind WriteKind = sqlfacts::StatementKind::Update;
  /// Write: the ORM compares a version column and fails a stale write
  /// (an ORM's optimistic locking), which protects it like a conditional
  /// update.
  bool Versioned = false;
  /// Write: versioned when the entity class has a member declared under
  /// `#pragma <VersionPragma>` (`#pragma db version`).
  std::string VersionPragma;
  /// Read/Write without SQL, Key: argument N is a key of the rows touched
  /// (`Manager::get(id)`, `filter(&Booking::event_id, id)`). For a read
  /// without SQL it is the row's own key, its identity.
  std::optional<unsigned> KeyArg;
  /// Read/Write without SQL, Key: further key arguments, for rows keyed by
  /// several columns (`get(site, label)`); KeyArg, when given, comes first.
  std::vector<unsigned> KeyArgs;
  /// EntityTable: the argument that spells the table's name.
  std::optional<unsigned> TableArg;
  std::optional<unsigned> DialectArg;
  /// Dialect, Connection: the argument spelling a connection's name (a
  /// constant text; a defaulted argument names the default connection).
  std::optional<unsigned> ConnectionNameArg;
  /// Read: argument N is the read's condition in native SQL (an ORM's
  /// `query<T>("id = 7 FOR UPDATE")`); a lock clause in it locks the read.
  std::optional<unsigned> ConditionArg;
  /// Lock: the strength the lock stands for.
  sqlfacts::LockStrength LockStrength = sqlfacts::LockStrength::ForUpdate;
  sqlfacts::Isolation IsolationLevel = sqlfacts::Isolation::Unspecified;
  /// Begin/SetIsolation: the argument spelling the isolation (`names`).
  std::optional<unsigned> IsolationArg;
  sqlfacts::BeginMode Mode = sqlfacts::BeginMode::Unspecified;
  /// Begin: a transaction mode rather than one transaction; commit and
  /// rollback begin the next transaction at once (autocommit off).
  bool Chain = false;
  /// Bind: the number IndexArg gives the first placeholder (0 where
  /// counting starts at 0: `bindValue(0, v)`).
  unsigned FirstIndex = 1;
  /// Bind: ValueArg holds the values of all the placeholders at once (an
  /// array of bind descriptors). They feed the statement, but which is which
  /// placeholder is unknown, so they tell no rows apart.
  bool AllPlaceholders = false;
  /// The rule applies only when argument WhenArg is the constant WhenEquals
  /// (`false`, `1`, an enumerator's qualified name).
  std::optional<unsigned> WhenArg;
  std::string WhenEquals;
};

enum class TypeRole {
  Transaction, ///< Opens a transaction when constructed.
  Autocommit,  ///< A handle whose statements each commit on their own.
  Savepoint    ///< Continues the transaction it is constructed from.
};

/// What a Transaction-role object constructed while a transaction is open
/// on its connection does.
enum class NestedBegin {
  Restart,  ///< Ends the open transaction and begins a new one.
  Savepoint ///< A savepoint in the open one, whose locks and isolation go
            ///< on; its end releases the savepoint only (nested `atomic`).
};

struct TypeRule {
  std::string Name;  ///< Qualified class name, without template arguments.
  unsigned Line = 0; ///< Where the rules file declares it.
  TypeRole Role = TypeRole::Transaction;
  NestedBegin Nested = NestedBegin::Restart;
  /// Statements are run through the object (`work.exec(...)`) rather than
  /// through the connection it guards (`transaction tx(session)`).
  bool Handle = false;
  /// The destructor commits a transaction still open rather than rolling it
  /// back: a fix-it that begins one with this type (`begin_statement`)
  /// needs no `commit_statement`, since the end of the block commits.
  bool CommitOnDestroy = false;
  std::optional<unsigned> IsolationTemplateArg;
  std::optional<unsigned> IsolationArg;
  sqlfacts::Isolation IsolationLevel = sqlfacts::Isolation::Unspecified;
  sqlfacts::BeginMode Mode = sqlfacts::BeginMode::Unspecified;
  std::optional<unsigned> ModeArg;
};

/// Spelling of isolation levels and modes in C++ (enum constants, types).
struct NamedValue {
  std::string Name;
  std::string Value;
};

struct FixTemplates {
  std::string LockClause; ///< `FOR UPDATE`; empty where the dialect has none.
  /// Replaces a deferred `BEGIN` in SQL text: `BEGIN IMMEDIATE`.
  std::string ImmediateBegin;
  /// Appended as the last argument of a transaction object's constructor
  /// that has no mode yet: `Behavior::IMMEDIATE`.
  std::string ImmediateTransactionArg;
  /// How a fix-it opens a transaction where there is none. Either the
  /// autocommit handle's type is replaced by TransactionType (`lib::work`
  /// for `lib::nontransaction`), or BeginStatement is inserted before the
  /// read (`lib::transaction $tx($db);`); CommitStatement goes on each
  /// normal exit (`$tx.commit();`). `$tx` stands for the transaction's
  /// variable (the handle's own name, or a new one), `$db` for the
  /// connection's.
  std::string TransactionType;
  std::string BeginStatement;
  std::string CommitStatement;
  /// The header that declares what each C++ template above names
  /// (`<lib/transaction.h>`), written with its `<>` or `""`: a fix-it that
  /// writes the template where a name it spells is not declared yet
  /// includes the header. Required for every template that names a type,
  /// function or constant (templateNames).
  struct {
    std::string ImmediateTransactionArg;
    std::string TransactionType;
    std::string BeginStatement;
    std::string CommitStatement;
  } Headers;
  /// Where statements run through objects made from the connection
  /// (`Query q(db)`, `con->createStatement()`): the connection's class,
  /// whose variable `$db` names. Reached through a pointer, `$db.` is
  /// spelled `$db->`.
  std::string ConnectionType;
};

struct LibraryRules {
  std::string Library;
  std::string SourcePath;
  /// Given by the user (`--rules`, `RulesFiles`), not built in.
  bool UserFile = false;
  /// Summaries dbrace wrote of the project's own functions (`summaries:
  /// true`): they stand for a call only where the callee is not compiled in
  /// the translation unit, whose own analysis of it comes first.
  bool Summaries = false;
  /// Summaries: the functions (their keys) that functions of other units
  /// call. Their callers judge the races such a function leaves to them.
  std::vector<std::string> CalledElsewhere;
  sqlfacts::Dialect Dialect = sqlfacts::Dialect::PostgreSQL;
  FixTemplates Fixes;
  std::vector<CallRule> Calls;
  std::vector<TypeRule> Types;
  /// Functions whose arguments receive a read's result (`into(x)`).
  std::vector<std::string> OutParams;
  /// Functions that bind a value to the statement's next placeholder in the
  /// same full expression (`use(x)`).
  std::vector<std::string> InParams;
  /// Enum constants or type names that spell an isolation level or mode,
  /// and driver names or connection-string schemes that spell a dialect.
  std::vector<NamedValue> Names;

  /// Whether the code picks the database at run time (the rules declare
  /// `dialect` calls): Dialect is then only the default.
  bool dialectFromCode() const {
    for (const CallRule &C : Calls)
      if (C.Action == CallAction::Dialect)
        return true;
    return false;
  }
};

/// All loaded rules, indexed for the analysis' lookups.
class ApiModel {
public:
  void add(LibraryRules Rules);

  const std::vector<LibraryRules> &libraries() const { return Libraries; }

  /// Rules whose last name component is \p SimpleName, with their library.
  struct CallMatch {
    const CallRule *Rule;
    const LibraryRules *Library;
  };
  llvm::ArrayRef<CallMatch> callsNamed(llvm::StringRef SimpleName) const;

  struct TypeMatch {
    const TypeRule *Rule;
    const LibraryRules *Library;
  };
  const TypeMatch *type(llvm::StringRef QualifiedName) const;

  bool isOutParam(llvm::StringRef QualifiedName) const;
  bool isInParam(llvm::StringRef QualifiedName) const;
  bool hasParameterWrappers() const {
    return !OutParamNames.empty() || !InParamNames.empty();
  }
  /// The value a rule file gave to an enum constant or type name.
  std::optional<llvm::StringRef>
  namedValue(llvm::StringRef QualifiedName) const;

  bool empty() const { return Libraries.empty(); }

  /// Whether summaries say other units call the function keyed \p Key.
  bool calledElsewhere(llvm::StringRef Key) const {
    return CalledElsewhereKeys.contains(Key);
  }

private:
  void reindex();
  std::vector<LibraryRules> Libraries;
  llvm::StringMap<std::vector<CallMatch>> CallsBySimpleName;
  llvm::StringMap<TypeMatch> TypesByName;
  llvm::StringMap<std::string> Named;
  llvm::StringMap<bool> OutParamNames;
  llvm::StringMap<bool> InParamNames;
  llvm::StringSet<> CalledElsewhereKeys;
};

/// The names a C++ fix template spells that the program must declare:
/// qualified names and free functions (`lib::transaction`, `lib_exec`), not
/// `$tx`/`$db`, members after `.` or `->`, literals or keywords.
std::vector<std::string> templateNames(llvm::StringRef Template);

/// Whether the transaction that \p Rules' `begin_statement` opens commits
/// at the end of its scope: the template constructs a `transaction` type
/// with `commit_on_destroy`.
bool beginCommitsOnDestroy(const LibraryRules &Rules);

/// Parses one rules file. On error returns false and sets \p Error to one
/// line `file:line:col: error: ...`.
bool loadRulesFile(llvm::StringRef Path, LibraryRules &Out, std::string &Error);
bool parseRules(llvm::StringRef Content, llvm::StringRef Path,
                LibraryRules &Out, std::string &Error);

/// Where the built-in rules may be, best first: `$DBRACE_RULES_DIR` alone
/// when set; else `<prefix>/share/dbrace/rules` for the plugin or binary that
/// holds this code and for the running executable, symlinks resolved, so
/// that the build tree, an installed prefix, PATH and symlinks all work.
std::vector<std::string> builtinRulesSearchPath();

/// Loads the built-in rules, then \p UserFiles, into \p Model.
bool loadModel(llvm::ArrayRef<std::string> UserFiles, ApiModel &Model,
               std::string &Error);

} // namespace dbrace

#endif // DBRACE_CORE_APIMODEL_H
