//===--- Timeline.h - A finding as two requests that collide --------------===//
//
// The interleaving of two concurrent requests, A and B, that runs a
// finding's events into the race: each step is one of the function's own
// events (a begin, the read with its SQL and the variables it fills, the
// check, the write, the commit, a lock, a slow call), with where it is.
// Plain data (places as file, offset, line, column), so that it outlives
// the AST; the driver words and prints it. Built only while a sink is
// installed, so the checks pay nothing for it.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_TIMELINE_H
#define DBRACE_CORE_TIMELINE_H

#include "Facts.h"
#include "Trace.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dbrace::timeline {

enum class Request { A, B };

enum class StepKind {
  Begin,    ///< The transaction begins (Sql: its statement, if any).
  Read,     ///< Values: the variables the result goes to.
  Check,    ///< Condition: the test of the value read; true for both.
  Write,    ///< The write, deciding on or computed from the value read.
  Commit,   ///< The transaction ends (a commit, or the end of its scope).
  LockEnds, ///< A lock taken in autocommit ends with its statement.
  Lock,     ///< A lock taken in the transaction (Sql: its statement).
  Slow,     ///< A slow call made while the lock is held.
  Waits,    ///< The request waits here for the other's lock.
  Outcome   ///< What the interleaving did (the wording is the driver's).
};

/// What a finding is, as the driver matches it to a check's warning.
enum class FactKind { Race, LockInAutocommit, SlowCall };

/// The interleaving's shape, which the driver words.
enum class Shape {
  SameTransaction, ///< Read and write in one transaction without a lock.
  NoTransaction,   ///< Read and write each in autocommit.
  ReadOutside,     ///< The read runs before (or outside) the write's one.
  LockEnds,        ///< The read's lock ends with its statement.
  SlowCall         ///< A slow call while a lock is held.
};

struct Step {
  Request Who = Request::A;
  StepKind Kind = StepKind::Read;
  trace::Place At;       ///< Invalid: nowhere in this function (the caller's).
  std::string Sql;       ///< As recovered, holes renumbered after `$N`s.
  std::string Code;      ///< The call as written, where there is no SQL.
  std::string Values;    ///< Read: `r`, `seats, price`; empty if unknown.
  std::string Condition; ///< Check: the condition as written.
  /// Check: the condition's value on the way to the write (the write in
  /// an `if`'s branch, or after its branch exits early); unknown otherwise.
  std::optional<bool> Holds;
  std::string Helper; ///< The event is in this helper, at InHelper.
  trace::Place InHelper;
  bool CallerTransaction = false; ///< Begin/Commit: the caller's.
  bool ScopeEnd = false;          ///< Commit: the RAII object's destructor.
};

struct Timeline {
  FactKind Kind = FactKind::Race;
  Shape Form = Shape::SameTransaction;
  /// Where the warning stands, and for a race the write its note names.
  trace::Place Reported, Write;
  WriteShape Written = WriteShape::Update;
  bool Consumed = false; ///< The value feeds the write; no check.
  /// The interleaving, in time order.
  std::vector<Step> Steps;
  /// With the fix: where request B waits (Kind Waits), or nothing when no
  /// lock would make it wait.
  std::vector<Step> Fixed;
  std::string Table; ///< The table both touch, or the one locked.
  /// Where the function's body starts and ends, for reports that show it.
  trace::Place FunctionBegin, FunctionEnd;
  std::string Function;
};

/// Receives the timelines of the findings of every function analysed.
class Sink {
public:
  virtual ~Sink() = default;
  virtual void add(Timeline T) = 0;
};

/// The process's sink; null (the default) builds nothing.
void setSink(Sink *S);
Sink *sink();

/// The SQL each event of the functions analysed so far ran, by its
/// statement: an event a helper's summary stands for shows the helper's SQL.
using SqlByStatement =
    llvm::DenseMap<const clang::Stmt *, std::shared_ptr<const RecoveredSql>>;

/// \p Sql's text on one line, holes (`$1001`) numbered after the
/// statement's own placeholders.
std::string displaySql(const RecoveredSql &Sql);

} // namespace dbrace::timeline

#endif // DBRACE_CORE_TIMELINE_H
