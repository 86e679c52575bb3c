//===--- TransactionFlow.cpp - Transaction and lock state along the CFG ---===//

#include "TransactionFlow.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

using namespace clang;
using namespace dbrace;

namespace {

/// The connections not in their default state (no transaction begun here); most
/// transaction objects are out of scope most of the time, so this stays
/// small however many a function has.
class State {
public:
  const ConnectionState &get(unsigned Connection) const {
    static const ConnectionState Default;
    for (const auto &[S, Value] : Connections)
      if (S == Connection)
        return Value;
    return Default;
  }
  ConnectionState &at(unsigned Connection) {
    for (auto &[S, Value] : Connections)
      if (S == Connection)
        return Value;
    Connections.emplace_back(Connection, ConnectionState());
    return Connections.back().second;
  }
  void normalize() {
    static const ConnectionState Default;
    llvm::erase_if(Connections,
                   [](const auto &P) { return P.second == Default; });
    llvm::sort(Connections,
               [](const auto &A, const auto &B) { return A.first < B.first; });
  }
  bool operator==(const State &O) const { return Connections == O.Connections; }
  bool operator!=(const State &O) const { return !(*this == O); }

  llvm::SmallVector<std::pair<unsigned, ConnectionState>, 2> Connections;
};

ConnectionState meet(const ConnectionState &A, const ConnectionState &B) {
  if (A == B)
    return A;
  ConnectionState M;
  M.NextIsolation = A.NextIsolation == B.NextIsolation
                        ? A.NextIsolation
                        : sqlfacts::Isolation::Unspecified;
  M.SessionLockAt =
      A.SessionLockAt == B.SessionLockAt ? A.SessionLockAt : nullptr;
  if (A.Tx != B.Tx) {
    M.Tx = TxUnknown;
    return M;
  }
  M.Chained = A.Chained && B.Chained;
  M.Tx = A.Tx;
  M.BeginAt = A.BeginAt;
  M.IsolationLevel = A.IsolationLevel == B.IsolationLevel
                         ? A.IsolationLevel
                         : sqlfacts::Isolation::Unspecified;
  M.LockAt = A.LockAt && B.LockAt ? A.LockAt : nullptr;
  M.CoversNewRows = A.CoversNewRows && B.CoversNewRows;
  for (const std::string &T : A.LockedTables)
    if (llvm::is_contained(B.LockedTables, T))
      M.LockedTables.push_back(T);
  for (const clang::ValueDecl *K : A.LockedKeys)
    if (llvm::is_contained(B.LockedKeys, K))
      M.LockedKeys.push_back(K);
  for (int P : A.Savepoints)
    if (llvm::is_contained(B.Savepoints, P))
      M.Savepoints.push_back(P);
  return M;
}

/// The session's settings and locks outlive its transactions.
void endTransaction(ConnectionState &S) {
  ConnectionState Ended;
  Ended.NextIsolation = S.NextIsolation;
  Ended.SessionLockAt = S.SessionLockAt;
  S = std::move(Ended);
}

void addLock(ConnectionState &S, const DbEvent &E) {
  if (!S.inTransaction())
    return;
  if (!S.LockAt)
    S.LockAt = E.At;
  // A shared lock delays writers (so slow work under it matters) but lets
  // a second request take it too: it protects no later read or insert.
  if ((E.Kind == EventKind::Read || E.Kind == EventKind::Lock) &&
      !sqlfacts::lockConflictsWithItself(E.Lock))
    return;
  S.CoversNewRows |= E.CoversNewRows;
  for (const std::string &T : E.Tables)
    if (!llvm::is_contained(S.LockedTables, T))
      S.LockedTables.push_back(T);
  for (const clang::ValueDecl *K : E.KeyDecls)
    if (!llvm::is_contained(S.LockedKeys, K))
      S.LockedKeys.push_back(K);
}

void apply(const DbEvent &E, int Index, ConnectionState &S) {
  switch (E.Kind) {
  case EventKind::Begin:
    if (E.Type && E.Type->Nested == NestedBegin::Savepoint && !E.Autocommit &&
        S.inTransaction()) {
      // A savepoint: the transaction, its isolation and its locks go on.
      S.Savepoints.push_back(Index);
      return;
    }
    endTransaction(S);
    if (E.Autocommit) {
      S.Tx = TxAutocommit;
      return;
    }
    S.Tx = Index;
    S.BeginAt = E.At;
    S.Chained = E.Chain;
    S.IsolationLevel = E.IsolationLevel != sqlfacts::Isolation::Unspecified
                           ? E.IsolationLevel
                           : S.NextIsolation;
    if (E.CoversNewRows)
      addLock(S, E);
    return;
  case EventKind::End:
    if (S.Tx == TxAutocommit)
      return;
    if (S.Chained && S.Tx >= 0) {
      // Autocommit off: the next transaction begins here.
      endTransaction(S);
      S.Tx = Index;
      S.BeginAt = E.At;
      S.Chained = true;
      S.IsolationLevel = S.NextIsolation;
      return;
    }
    endTransaction(S);
    return;
  case EventKind::SetIsolation:
    // A session setting waits for the next transaction.
    if (E.SessionWide)
      S.NextIsolation = E.IsolationLevel;
    else if (S.inTransaction())
      S.IsolationLevel = E.IsolationLevel;
    return;
  case EventKind::Lock:
    if (E.SessionWide && sqlfacts::lockConflictsWithItself(E.Lock))
      S.SessionLockAt = E.At;
    addLock(S, E);
    return;
  case EventKind::Unlock:
    S.SessionLockAt = nullptr;
    return;
  case EventKind::Read:
    if (E.Lock != sqlfacts::LockStrength::None &&
        E.Lock != sqlfacts::LockStrength::ForKeyShare)
      addLock(S, E);
    return;
  case EventKind::Write:
    // The rows written stay locked until the transaction ends.
    addLock(S, E);
    return;
  case EventKind::Slow:
    return;
  }
}

class Flow {
public:
  Flow(const CFG &Cfg, const FunctionEvents &Events)
      : Cfg(Cfg), Events(Events) {
    Result.Before.resize(Events.Events.size());
    Result.Reached.resize(Events.Events.size());
  }

  TransactionFlow run() {
    State Entry;
    for (unsigned Connection = 0; Connection < Events.Connections.size();
         ++Connection) {
      if (Events.Connections[Connection] ==
          ConnectionStart::CallerTransaction) {
        Entry.at(Connection).Tx = TxCaller;
        Entry.at(Connection).IsolationLevel =
            Events.ConnectionIsolations[Connection];
      } else if (Events.Connections[Connection] == ConnectionStart::Autocommit)
        Entry.at(Connection).Tx = TxAutocommit;
    }
    Entry.normalize();
    Pool.push_back(std::move(Entry));
    const unsigned EntryId = 0;

    // Blocks hold state ids into Pool rather than states: most blocks have
    // no event and pass their input on, so a long function needs few
    // distinct states, and the per-block arrays stay small enough for the
    // cache however long the function grows.
    unsigned NumBlocks = Cfg.getNumBlockIDs();
    std::vector<unsigned> In(NumBlocks, NoState), Out(NumBlocks, NoState);
    std::vector<bool> Active = activeBlocks();
    PostOrderCFGView Order(&Cfg);
    ForwardDataflowWorklist Work(Cfg, &Order);
    Work.enqueueBlock(&Cfg.getEntry());
    // Joins only lose facts, but a begin or an end sets its connection whatever
    // came before, so nothing proves that every loop settles: past a budget
    // far beyond what real code needs, the function is not analysed.
    unsigned Budget = VisitsPerBlock * NumBlocks;
    while (const CFGBlock *B = Work.dequeue()) {
      if (Budget-- == 0) {
        Result.Converged = false;
        return std::move(Result);
      }
      unsigned Id = B->getBlockID();
      unsigned BlockIn =
          B == &Cfg.getEntry() ? EntryId : joinPredecessors(*B, Out, In[Id]);
      if (BlockIn == NoState)
        continue;
      In[Id] = BlockIn;
      unsigned BlockOut = BlockIn;
      if (Active[Id]) {
        State S = Pool[BlockIn];
        transfer(*B, S, /*Record=*/false);
        BlockOut = intern(std::move(S), Out[Id]);
      }
      if (Out[Id] != BlockOut) {
        Out[Id] = BlockOut;
        Work.enqueueSuccessors(B);
      }
    }
    for (const CFGBlock *B : Order)
      if (Active[B->getBlockID()] && In[B->getBlockID()] != NoState) {
        State S = Pool[In[B->getBlockID()]];
        transfer(*B, S, /*Record=*/true);
      }
    return std::move(Result);
  }

private:
  static constexpr unsigned NoState = ~0u;
  static constexpr unsigned VisitsPerBlock = 64;

  /// The blocks with an event or the end of a transaction object's scope.
  std::vector<bool> activeBlocks() const {
    std::vector<bool> Active(Cfg.getNumBlockIDs());
    for (const CFGBlock *B : Cfg)
      for (const CFGElement &Element : *B) {
        if (auto Stmt = Element.getAs<CFGStmt>())
          Active[B->getBlockID()] =
              Active[B->getBlockID()] || Events.ByStmt.count(Stmt->getStmt());
        else if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>())
          Active[B->getBlockID()] = Active[B->getBlockID()] ||
                                    Events.RaiiEnds.count(Dtor->getVarDecl());
      }
    return Active;
  }

  /// The id of \p S, reusing \p Previous when the state is unchanged so that
  /// the fixpoint shows as equal ids.
  unsigned intern(State S, unsigned Previous) {
    if (Previous != NoState && Pool[Previous] == S)
      return Previous;
    Pool.push_back(std::move(S));
    return Pool.size() - 1;
  }

  unsigned joinPredecessors(const CFGBlock &B, const std::vector<unsigned> &Out,
                            unsigned Previous) {
    unsigned First = NoState;
    bool Same = true;
    for (const CFGBlock::AdjacentBlock &Pred : B.preds()) {
      const CFGBlock *P = Pred.getReachableBlock();
      if (!P || Out[P->getBlockID()] == NoState)
        continue;
      if (First == NoState)
        First = Out[P->getBlockID()];
      else
        Same = Same && Out[P->getBlockID()] == First;
    }
    if (First == NoState || Same)
      return First;
    State Joined = Pool[First];
    for (const CFGBlock::AdjacentBlock &Pred : B.preds()) {
      const CFGBlock *P = Pred.getReachableBlock();
      if (!P || Out[P->getBlockID()] == NoState ||
          Out[P->getBlockID()] == First)
        continue;
      const State &From = Pool[Out[P->getBlockID()]];
      State Met;
      for (const auto &[Connection, Value] : Joined.Connections)
        Met.at(Connection) = meet(Value, From.get(Connection));
      for (const auto &[Connection, Value] : From.Connections)
        Met.at(Connection) = meet(Joined.get(Connection), Value);
      Met.normalize();
      Joined = std::move(Met);
    }
    return intern(std::move(Joined), Previous);
  }

  void transfer(const CFGBlock &B, State &S, bool Record) {
    for (const CFGElement &Element : B) {
      if (auto Stmt = Element.getAs<CFGStmt>()) {
        auto It = Events.ByStmt.find(Stmt->getStmt());
        if (It == Events.ByStmt.end())
          continue;
        for (unsigned Index : It->second) {
          const DbEvent &E = Events.Events[Index];
          if (Record) {
            Result.Before[Index] = S.get(E.Connection);
            Result.Reached[Index] = true;
            if (E.AnyTransaction) {
              // A DAO's transaction object: the caller's open transaction,
              // or, with none open here, its own caller's.
              ConnectionState Caller;
              Caller.Tx = TxCaller;
              Result.Before[Index] = Caller;
              for (const auto &[Connection, Value] : S.Connections)
                if (Value.inTransaction()) {
                  Result.Before[Index] = Value;
                  break;
                }
            }
            if (E.Kind == EventKind::Slow) {
              // Slow work holds up whichever lock the function holds, on
              // any connection or transaction object.
              for (const auto &[Connection, Value] : S.Connections)
                if (Value.inTransaction() && Value.LockAt) {
                  Result.Before[Index] = Value;
                  break;
                }
            }
            if (E.OwnTransaction) {
              // A helper's own transaction: begun and ended inside the call.
              ConnectionState Own;
              Own.Tx = Index;
              Own.BeginAt = E.At;
              Result.Before[Index] = Own;
            }
          }
          if (E.Kind == EventKind::Begin && E.ParentConnection >= 0)
            S.at(E.Connection) =
                ConnectionState(S.get(E.ParentConnection)); // A savepoint.
          else
            apply(E, Index, S.at(E.Connection));
          S.normalize();
        }
      } else if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
        auto It = Events.RaiiEnds.find(Dtor->getVarDecl());
        if (It != Events.RaiiEnds.end() &&
            S.get(It->second).Tx != TxAutocommit) {
          ConnectionState &Connection = S.at(It->second);
          auto Begin = Events.RaiiBegins.find(Dtor->getVarDecl());
          auto Savepoint = Begin == Events.RaiiBegins.end()
                               ? Connection.Savepoints.end()
                               : llvm::find(Connection.Savepoints,
                                            static_cast<int>(Begin->second));
          if (Savepoint != Connection.Savepoints.end())
            Connection.Savepoints.erase(
                Savepoint); // Releases the savepoint only.
          else
            endTransaction(Connection);
          S.normalize();
        }
      }
    }
  }

  const CFG &Cfg;
  const FunctionEvents &Events;
  std::vector<State> Pool;
  TransactionFlow Result;
};

} // namespace

TransactionFlow dbrace::runTransactionFlow(const CFG &Cfg,
                                           const FunctionEvents &Events) {
  return Flow(Cfg, Events).run();
}
