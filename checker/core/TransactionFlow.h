//===--- TransactionFlow.h - Transaction and lock state along the CFG -----===//
//
// A forward dataflow over the function's CFG: for each connection, whether a
// transaction is open, which one, its isolation, and which locks it holds.
// Paths that disagree meet in an "unknown" state; locks are kept only when
// held on every path. A worklist in reverse post-order runs to the fixpoint;
// a visit budget per block keeps the cost linear in the function's size,
// and a function that exceeds it is reported as not analysed.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_TRANSACTIONFLOW_H
#define DBRACE_CORE_TRANSACTIONFLOW_H

#include "Events.h"
#include "clang/Analysis/CFG.h"
#include <string>
#include <vector>

namespace dbrace {

/// Transaction identities other than "the one begun by event N".
enum : int {
  TxNone = -1,       ///< No transaction begun in this function.
  TxUnknown = -2,    ///< Paths disagree.
  TxAutocommit = -3, ///< Every statement commits on its own.
  TxCaller = -4      ///< The caller's transaction, passed in as a handle.
};

struct ConnectionState {
  int Tx = TxNone;
  const clang::Stmt *BeginAt = nullptr;
  sqlfacts::Isolation IsolationLevel = sqlfacts::Isolation::Unspecified;
  /// The first lock taken in this transaction, on every path.
  const clang::Stmt *LockAt = nullptr;
  bool CoversNewRows = false;
  std::vector<std::string> LockedTables;
  /// Variables bound to the keys of rows locked so far: a lock on the
  /// parent row (`events WHERE id = $1`) serialises the inserts keyed by
  /// the same value (`bookings WHERE event_id = $1`).
  std::vector<const clang::ValueDecl *> LockedKeys;
  /// The isolation a session setting gives the transactions begun later.
  sqlfacts::Isolation NextIsolation = sqlfacts::Isolation::Unspecified;
  /// The transaction is one of a mode (autocommit off): its end begins the
  /// next.
  bool Chained = false;
  /// A session-level lock (`pg_advisory_lock`, `GET_LOCK`) held until
  /// released, in and out of transactions.
  const clang::Stmt *SessionLockAt = nullptr;
  /// The Begin events of the savepoints open in this transaction, innermost
  /// last: objects of a `nested: savepoint` type constructed while it was
  /// open, whose end releases only the savepoint.
  std::vector<int> Savepoints;

  bool inTransaction() const { return Tx >= 0 || Tx == TxCaller; }
  /// Statements run each in a transaction of their own.
  bool runsAlone() const { return Tx == TxNone || Tx == TxAutocommit; }
  bool operator==(const ConnectionState &O) const {
    return Tx == O.Tx && BeginAt == O.BeginAt &&
           IsolationLevel == O.IsolationLevel && LockAt == O.LockAt &&
           CoversNewRows == O.CoversNewRows && LockedTables == O.LockedTables &&
           LockedKeys == O.LockedKeys && NextIsolation == O.NextIsolation &&
           Chained == O.Chained && SessionLockAt == O.SessionLockAt &&
           Savepoints == O.Savepoints;
  }
};

struct TransactionFlow {
  /// The state of an event's connection just before it, per event index.
  std::vector<ConnectionState> Before;
  /// Whether the event lies on the CFG (not in a lambda or dead code).
  std::vector<bool> Reached;
  /// False when the fixpoint was not reached within the budget: the states
  /// above are partial and must not be judged.
  bool Converged = true;
};

TransactionFlow runTransactionFlow(const clang::CFG &Cfg,
                                   const FunctionEvents &Events);

} // namespace dbrace

#endif // DBRACE_CORE_TRANSACTIONFLOW_H
