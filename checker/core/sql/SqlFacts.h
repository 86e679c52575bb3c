//===--- SqlFacts.h - What one SQL string does, as the database sees it ---===//
//
// The SQL text of a call is parsed once (libpg_query, the PostgreSQL parser)
// into a small record per statement. Other dialects are normalised first;
// text that still does not parse goes to a tolerant tokenizer and its facts
// are marked uncertain.
//
// Parts of the text that the C++ side could not resolve arrive as holes,
// written `$1001`, `$1002`, ... (hole N is `$` followed by 1000 + N). They
// are kept as parameters by every dialect's normalisation.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SQL_SQLFACTS_H
#define DBRACE_CORE_SQL_SQLFACTS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace::sqlfacts {

enum class Dialect { PostgreSQL, SQLite, MySQL };

enum class StatementKind {
  Select,
  Insert,
  Update,
  Delete,
  Upsert, ///< ON CONFLICT, ON DUPLICATE KEY UPDATE, INSERT OR IGNORE/REPLACE,
          ///< REPLACE INTO, MERGE.
  Begin,
  Commit,
  Rollback,
  Savepoint,
  SetTransaction, ///< SET [SESSION] TRANSACTION ISOLATION LEVEL ...
  LockTable,
  AdvisoryLock, ///< SELECT pg_advisory_xact_lock(...) and friends.
  Other
};

enum class LockStrength {
  None,
  ForKeyShare,
  ForShare,
  ForNoKeyUpdate,
  ForUpdate
};

enum class Isolation {
  Unspecified,
  ReadUncommitted,
  ReadCommitted,
  RepeatableRead,
  Serializable
};

/// SQLite's BEGIN modes; IMMEDIATE and EXCLUSIVE take the database write lock.
enum class BeginMode { Unspecified, Deferred, Immediate, Exclusive };

/// `column = value` in a WHERE clause (an equality on one column).
struct KeyComparison {
  std::string Table;  ///< Resolved through aliases, case-folded; may be empty.
  std::string Column; ///< Case-folded, unqualified.
  int Param = 0; ///< N of `$N` (after normalisation), 0 if not a parameter.
  std::optional<std::string> Literal; ///< Literal text when compared to one.
  /// The value is a set the row's column is one of: `id = ANY($1)`, or a
  /// join with `unnest($1) AS u(id)`. Two such keys bound to different
  /// values may still share rows.
  bool AnyOf = false;
};

struct SetClause {
  std::string Column;
  bool Relative = false; ///< `seats = seats - 1`: the new value uses the old.
};

struct StatementFacts {
  StatementKind Kind = StatementKind::Other;
  /// Offsets of this statement in the text given to analyzeSql.
  size_t Begin = 0, End = 0;

  /// Schema-qualified where written, case-folded as the dialect does
  /// (unquoted identifiers folded to lower case, quoted ones kept; SQLite and
  /// MySQL fold quoted ones too). The target of an update/delete is only in
  /// TablesWritten; data-modifying CTEs add to TablesWritten of any kind.
  std::vector<std::string> TablesRead;
  std::vector<std::string> TablesWritten;

  LockStrength Lock =
      LockStrength::None; ///< Strongest lock clause of a select.
  bool NoWait = false;
  bool SkipLocked = false;
  std::vector<std::string> LockOf; ///< `FOR UPDATE OF t`.

  /// Equalities in the WHERE of the top-level statement (select, update,
  /// delete).
  std::vector<KeyComparison> Keys;
  /// Update: each SET target and whether it is relative.
  std::vector<SetClause> Sets;
  /// The target's columns in WHERE predicates other than an equality with
  /// a fixed value (`seats > 0`, `balance >= $2`, `deleted_at IS NULL`): an
  /// update or delete checks them itself; a select decides on them.
  std::vector<std::string> GuardColumns;

  /// Insert/upsert with a single VALUES row: each named column and the
  /// parameter or literal stored in it (the key of the row it creates).
  std::vector<KeyComparison> Values;

  /// Functions whose rows a FROM reads (`SELECT * FROM api_rate_limit($1)`,
  /// `unnest($1)`): what tables they read is not known, so they add none.
  std::vector<std::string> FunctionsRead;

  /// Select: the columns its list carries values of, `*` for all of them.
  std::vector<std::string> ColumnsReturned;

  /// Select: aggregates, count(*), EXISTS; a check of existence or number.
  bool IsExistenceOrCount = false;
  /// Select: EXISTS, or only constants (`SELECT 1 ... LIMIT 1`): whether a
  /// row is there, nothing about its contents.
  bool IsExistence = false;

  /// Whether PostgreSQL allows a lock clause here (no aggregates, DISTINCT,
  /// GROUP BY, HAVING, UNION/INTERSECT/EXCEPT, window functions).
  bool LockClauseAllowed = false;
  /// Offset in the text given to analyzeSql where ` FOR UPDATE` belongs:
  /// after LIMIT/OFFSET and before a trailing `;` or comment.
  size_t LockInsertOffset = 0;

  Isolation IsolationLevel = Isolation::Unspecified; ///< Begin, SetTransaction.
  /// Begin: the SQLite mode as written; Unspecified for a plain BEGIN (which
  /// SQLite runs deferred).
  BeginMode Mode = BeginMode::Unspecified;

  /// AdvisoryLock: the function called, e.g. "pg_advisory_xact_lock"
  /// (Lock is ForShare for the `_shared` ones, ForUpdate otherwise).
  /// LockTable: LockOf lists the tables, Lock the strength of the mode.
  std::string AdvisoryFunction;
  /// Calls a function releasing advisory locks (`pg_advisory_unlock`,
  /// MySQL's `RELEASE_LOCK`).
  bool ReleasesAdvisoryLocks = false;

  /// False when the facts come from the tolerant tokenizer.
  bool Certain = true;
};

struct SqlFacts {
  std::vector<StatementFacts> Statements;
  /// Non-empty when the text did not parse (even after normalisation).
  std::string ParseError;
};

/// Facts of \p Text in \p D. Cached by (text, dialect); never fails, whatever
/// the text. The returned reference stays valid for the program's lifetime.
const SqlFacts &analyzeSql(llvm::StringRef Text, Dialect D);

/// Facts of \p Text in \p D computed afresh, bypassing the cache (for the
/// fuzzer and for callers with throw-away text).
SqlFacts analyzeSqlUncached(llvm::StringRef Text, Dialect D);

/// Facts of \p Text read in a dialect not known beforehand (the code picks
/// the database at run time and does not say which): in \p Preferred, unless
/// another dialect reads more of its statements with the parser (SQLite's or
/// MySQL's quoting, say). Cached like analyzeSql.
struct DialectReading {
  const SqlFacts *Facts;
  Dialect ReadIn;
};
DialectReading analyzeSqlInSomeDialect(llvm::StringRef Text, Dialect Preferred);

/// The facts as a JSON document (stable key order), for `dbrace explain-sql`.
std::string factsToJson(const SqlFacts &Facts);

/// Whether \p Clause is one locking clause of \p D and nothing else: text a
/// fix-it may append to a SELECT (`FOR UPDATE`, `FOR NO KEY UPDATE OF t
/// NOWAIT`, MySQL's `LOCK IN SHARE MODE`). SQLite has none.
bool isLockClause(llvm::StringRef Clause, Dialect D);

/// Whether \p Clause is one locking clause of \p D whose lock conflicts with
/// itself (lockConflictsWithItself), so that appending it to a read makes a
/// concurrent request wait: not FOR SHARE, FOR KEY SHARE, LOCK IN SHARE MODE.
bool isWaitingLockClause(llvm::StringRef Clause, Dialect D);

/// Whether two transactions taking lock \p L on one row conflict, so the
/// second waits for the first to end (PostgreSQL's row-level lock conflict
/// table): FOR UPDATE and FOR NO KEY UPDATE do. FOR SHARE does not: two
/// readers both hold it, both pass a check, and the write of each waits for
/// the other's shared lock, a deadlock that aborts one. FOR KEY SHARE does not
/// even block an update that keeps the key.
bool lockConflictsWithItself(LockStrength L);

llvm::StringRef dialectName(Dialect D);
std::optional<Dialect> parseDialect(llvm::StringRef Name);
llvm::StringRef kindName(StatementKind K);
llvm::StringRef lockName(LockStrength L); ///< "FOR UPDATE", "" for None.

} // namespace dbrace::sqlfacts

#endif // DBRACE_CORE_SQL_SQLFACTS_H
