//===--- Summary.h - What a function does for its callers -----------------===//
//
// A function of the same translation unit is summarised by the database
// events that act in its caller's context: reads whose value it returns,
// writes and locks on the connection or transaction it was given, and slow
// calls. A call of it then stands for those events, so a read in a helper
// and a write in its caller (or the reverse) are seen together.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SUMMARY_H
#define DBRACE_CORE_SUMMARY_H

#include "ArgumentConditions.h"
#include "Events.h"
#include <string>
#include <vector>

namespace dbrace {

struct SummaryEvent : EventEffect {
  /// The write checks for itself (a version or a guard in its WHERE, its
  /// row count used) and cannot be lost.
  bool Protected = false;
  /// The event runs in a transaction the callee opens and ends itself.
  bool OwnTransaction = false;
  /// The handle parameter the event runs through; -1: the connection.
  int ViaParam = -1;
  /// A lambda's handle captured from the function around it: the caller's
  /// own variable.
  const clang::ValueDecl *ViaCaptured = nullptr;
  /// Runs through a transaction object kept in a field (a DAO's member):
  /// in the caller, in whichever transaction it has open.
  bool ViaField = false;
  /// The SQL is the callee's parameter N: the caller's argument decides
  /// what runs. Its result is returned (Returned), its row count looked at
  /// (ResultUsed), and its placeholder $K bound to parameter M (ParamArgs).
  int SqlParam = -1;
  bool ResultUsed = false;
  std::vector<std::pair<int, unsigned>> ParamArgs;
  /// The callee's parameters bound to the keys of the rows it reads, writes
  /// or locks: the caller's arguments then name its rows, so a helper that
  /// locks the row of `from` does not lock the row of `to`. Empty when any
  /// key is not a parameter.
  std::vector<unsigned> KeyParams;
  /// Read: its value is the callee's return value (Returned); and the
  /// pointer or reference parameters it is stored through (`*out = ...`).
  bool Returned = false;
  std::vector<unsigned> ResultParams;
  /// And the fields of the callee's object it is stored in (`balance_ =
  /// ...` in a member function whose caller then tests `balance_`).
  std::vector<const clang::FieldDecl *> ResultFields;
  /// Write: conditions on variables the callee (a lambda) captured.
  llvm::SmallVector<std::pair<const clang::ValueDecl *, const clang::Expr *>, 1>
      CapturedGuards;
  const clang::Stmt *At = nullptr; ///< In the callee, for notes.
  std::string Function;            ///< The function At is in, for notes.
  /// The event comes from a helper the function calls (At is in it): a
  /// summary written out for other translation units names the call
  /// instead, so that the helper's own summary is used there.
  bool FromHelper = false;
  /// The SQL the event runs, and what its placeholders are bound to, for a
  /// summary written out as rules.
  std::shared_ptr<const RecoveredSql> Sql;
  llvm::DenseMap<int, const clang::Expr *> Params;
  /// Read: decides the function's own later writes on the caller's
  /// connection, outside any transaction of its own; whether that races
  /// depends on the caller's transaction (DbEvent::DecidesOwnWrites). The
  /// check (null where the value only feeds the write), and the read's
  /// facts, for the lock clause a caller's fix writes into the helper.
  bool DecidesOwnWrites = false;
  const clang::Expr *CheckAt = nullptr;
  bool Checked = true;
  const sqlfacts::StatementFacts *Facts = nullptr;
  std::shared_ptr<const FixPlan> OwnFix; ///< See PendingRead.
  /// The function whose read this is, through any that pass it on.
  const clang::FunctionDecl *Decider = nullptr;
  /// The tests of the callee's parameters that lead to the event: a call
  /// whose constant argument fails one does not run it.
  std::vector<ArgumentCondition> OnlyWhen;
};

struct FunctionSummary {
  std::string Name;
  std::vector<SummaryEvent> Events;
  /// Begins and ends through a transaction object the function's own
  /// object keeps in a field (a transaction manager's constructor and
  /// commit): for callers in other translation units, they begin and end
  /// the transaction the object stands for. Not used within the unit,
  /// where the field's events already act in whichever transaction is open.
  std::vector<SummaryEvent> ObjectTransaction;
};

} // namespace dbrace

#endif // DBRACE_CORE_SUMMARY_H
