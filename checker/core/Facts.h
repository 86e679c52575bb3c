//===--- Facts.h - What the analysis finds in one function ----------------===//
//
// The analysis hands on facts, not diagnostics: where a read, the check of
// its value and a write of the same rows are, how their transactions relate,
// what protects them if anything, and what edit would. The checks choose the
// facts they own and word them; nothing here knows a check or its text.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_FACTS_H
#define DBRACE_CORE_FACTS_H

#include "sql/SqlFacts.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace dbrace {

/// Where, inside a helper, the event a call of it stands for happens.
struct InHelper {
  clang::SourceLocation Loc;
  std::string Function; ///< The helper's qualified name, or `lambda`.
};

/// How the transactions of a read and of the write it decides relate, seen
/// from the read.
enum class TransactionRelation {
  /// The read runs outside any transaction; the write is not known to run
  /// in one either.
  None,
  /// The read runs outside the transaction that writes, which begins later.
  ReadBeforeBegin,
  /// The read runs in a transaction begun here; the write in another one.
  ReadInEarlierTransaction,
  /// The read's transaction ends before the write, which runs alone.
  ReadInEndedTransaction,
  SameTransaction,
};

enum class WriteShape { Insert, Upsert, Update, Delete };

/// Why a read-check-write pair cannot lose an update, or None.
enum class Protection {
  None,
  SessionLock,        ///< A session-level lock is held from read to write.
  ConflictClause,     ///< The write settles conflicts itself (an upsert).
  NewRow,             ///< An insert computed from a read: no update lost.
  NewRowsLocked,      ///< A lock covering rows not yet there, or the parent.
  ConditionalWrite,   ///< `UPDATE ... WHERE seats > 0`, its row count used.
  VersionedWrite,     ///< The ORM fails a stale write.
  Serializable,       ///< The transaction's isolation fails the loser.
  LockHeld,           ///< The read's own lock lasts until the write.
  LockedEarlier,      ///< An earlier lock of the transaction covers the read.
  TransactionUnknown, ///< Paths disagree about a transaction: not judged.
  /// The read only found the row the write changes, by its key, and the
  /// write's values do not come from it: a concurrent change is not lost.
  OnlyWhichRow,
};

/// What to write by hand where no edit is offered: the library's
/// statements, instantiated for this code.
struct FixAdvice {
  enum class Kind {
    None,
    MoveBegin,            ///< Move Begin above the read.
    DeclareAsTransaction, ///< Declare Variable as Type; Commit on each exit.
    BeginAndCommit,       ///< Begin before the read; Commit on each exit.
    /// Give the callers that need Helper's read locked (InTransaction) a
    /// variant of it that does, called in a transaction: a lock in Helper
    /// itself would
    /// end with its statement where it is called outside one (Outside;
    /// OutsideElsewhere: in other files).
    LockingVariant,
  };
  Kind What = Kind::None;
  std::string Begin;
  std::string Variable;
  std::string Type;
  /// Where Type is declared, when the code does not declare it yet.
  std::string TypeHeader;
  std::string Commit;
  std::string Helper;
  std::vector<std::string> InTransaction;
  std::vector<std::string> Outside;
  bool OutsideElsewhere = false;
};

/// A use of a variable that would stop compiling were the variable declared
/// with the type a fix gives it (NewType).
struct FixBlocker {
  enum class Kind {
    MayNotFit,     ///< A use the retyping does not model.
    ParameterType, ///< Passed to a parameter of type Detail.
    MissingMember, ///< Uses member Detail, which NewType lacks.
  };
  Kind Why = Kind::MayNotFit;
  clang::SourceLocation Loc;
  std::string Variable;
  std::string NewType;
  std::string Detail;
};

/// Edits that remove the race while keeping what the code does; where there
/// are none, what to write instead.
struct FixPlan {
  std::vector<clang::FixItHint> Edits;
  /// Headers the edits need, `<name>` or `"name"`, for the front end to
  /// include in the file they edit.
  std::vector<std::string> Headers;
  /// Only without edits.
  FixAdvice Advice;
  std::vector<FixBlocker> Blockers;
};

/// A read whose value decides (Check) or feeds a write of the same rows.
struct RacePair {
  clang::SourceLocation Read;
  std::optional<InHelper> ReadIn;
  /// The condition on the value read; invalid when the value feeds the
  /// write instead.
  clang::SourceLocation Check;
  /// The read and the check are inside the function called here, with no
  /// check to point at in this unit: its name.
  std::string DecidedIn;
  clang::SourceLocation Write;
  std::optional<InHelper> WriteIn;
  /// Where the write's transaction begins; invalid when none here.
  clang::SourceLocation Begin;
  std::string Entity;      ///< The table both touch.
  std::string ReadEntity;  ///< The first table the read names.
  std::string WriteEntity; ///< The first table the write names.
  sqlfacts::LockStrength ReadLock = sqlfacts::LockStrength::None;
  WriteShape Shape = WriteShape::Update;
  TransactionRelation Relation = TransactionRelation::None;
  sqlfacts::Dialect WriteDialect = sqlfacts::Dialect::PostgreSQL;
  Protection Protected = Protection::None;
  /// An insert whose read, when it finds the row, updates it instead.
  bool UpsertByHand = false;
  /// An insert whose columns, the ones its check looked up, a unique key of
  /// the schema covers: under a race the insert fails with a unique
  /// violation rather than duplicating the row. Its columns; else empty.
  std::vector<std::string> UniqueKey;
  FixPlan Fix; ///< Planned only when unprotected.
  /// The helper whose read-check-write this call's pair is, judged here in
  /// the caller's transaction.
  const clang::FunctionDecl *JudgedHelper = nullptr;
};

/// A lock taken in autocommit: it ends with its own statement.
struct LockInAutocommit {
  enum class Kind { Row, Table, Advisory };
  Kind What = Kind::Row;
  clang::SourceLocation At;
  std::optional<InHelper> In; ///< Row: the locking read in a helper.
  sqlfacts::LockStrength Strength = sqlfacts::LockStrength::None; ///< Row.
  /// Row: the first table read; Advisory: the function, empty if unknown.
  std::string Name;
};

/// A call the rules call slow, made while a transaction holds a lock.
struct SlowCallUnderLock {
  clang::SourceLocation At;
  std::optional<clang::SourceLocation> InHelper; ///< The slow call itself.
  std::string Callee;
  clang::SourceLocation LockAt;
};

using Fact = std::variant<RacePair, LockInAutocommit, SlowCallUnderLock>;

/// Where a fact is reported: the read, the locking statement, the call.
clang::SourceLocation locationOf(const Fact &F);

/// The edits a fact offers, for the ledger that keeps them apart.
std::vector<clang::FixItHint> *editsOf(Fact &F);

/// Whether a read with this lock clause holds row locks (`FOR KEY SHARE`
/// is not counted: it blocks only key changes).
bool locksRows(sqlfacts::LockStrength L);

} // namespace dbrace

#endif // DBRACE_CORE_FACTS_H
