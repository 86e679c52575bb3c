//===--- FunctionFacts.cpp - Races, locks and slow calls in one function --===//
//
// Pairs each read with the writes its value decides (a branch it guards)
// or feeds (the write's SQL or bound values), in CFG order, and says for
// each pair how the transactions relate and what, if anything, protects it.
//
//===----------------------------------------------------------------------===//

#include "FunctionFacts.h"
#include "AstNames.h"
#include "EventOrder.h"
#include "ReadTaint.h"
#include "RowIdentity.h"
#include "Statistics.h"
#include "Summarize.h"
#include "TimelineBuilder.h"
#include "TransactionFlow.h"
#include "UnitRecording.h"
#include "fixes/FixPlanner.h"
#include "sql/Rechecks.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace dbrace {

namespace {

WriteShape shapeOf(sqlfacts::StatementKind K) {
  switch (K) {
  case sqlfacts::StatementKind::Insert:
    return WriteShape::Insert;
  case sqlfacts::StatementKind::Upsert:
    return WriteShape::Upsert;
  case sqlfacts::StatementKind::Delete:
    return WriteShape::Delete;
  default:
    return WriteShape::Update;
  }
}

std::optional<InHelper> helperPlace(const DbEvent &E) {
  if (!E.Origin)
    return std::nullopt;
  return InHelper{E.Origin->getBeginLoc(), E.OriginFunction};
}

std::string firstTable(const DbEvent &E) {
  return E.Tables.empty() ? "" : E.Tables.front();
}

class FunctionAnalysis {
public:
  FunctionAnalysis(const FunctionDecl *FD, ASTContext &Ctx,
                   const AnalyzerOptions &Options, SqlTextResolver &Resolver,
                   FunctionEvents Events, Callers ItsCallers,
                   trace::Function *Trace, const timeline::SqlByStatement *Sqls)
      : FD(FD), Ctx(Ctx), Options(Options), Resolver(Resolver),
        Events(std::move(Events)), ItsCallers(ItsCallers), Trace(Trace),
        Sqls(Sqls) {}

  std::vector<Fact> run(FunctionSummary &Summary) {
    CFG::BuildOptions BO;
    BO.AddImplicitDtors = true;
    BO.AddTemporaryDtors = true;
    BO.AddInitializers = true;
    // Only the statements events stand at need elements of their own; every
    // sub-expression as an element would triple the CFG of long functions.
    for (Stmt::StmtClass C :
         {Stmt::CallExprClass, Stmt::CXXMemberCallExprClass,
          Stmt::CXXOperatorCallExprClass, Stmt::CXXConstructExprClass,
          Stmt::CXXTemporaryObjectExprClass})
      BO.setAlwaysAdd(C);
    Cfg = CFG::buildCFG(FD, FD->getBody(), &Ctx, BO);
    if (!Cfg) {
      countFunctionNotAnalysed();
      if (Trace)
        Trace->Status = trace::FunctionStatus::NoCfg;
      return {};
    }
    Flow = runTransactionFlow(*Cfg, Events);
    if (!Flow.Converged) {
      countFunctionNotAnalysed();
      if (Trace)
        Trace->Status = trace::FunctionStatus::NotConverged;
      return {};
    }
    if (Trace)
      trace::describeStates(*Trace, Flow, Ctx.getSourceManager());
    Taint.emplace(FD->getBody(), Events);
    Order.emplace(*Cfg, Events);
    Planner.emplace(fixes::FixSite{FD, Ctx, Events}, Options, Resolver, Flow);

    collectCandidates();
    for (unsigned R = 0; R < Events.Events.size(); ++R)
      if (event(R).Kind == EventKind::Read && Flow.Reached[R])
        checkRead(R);
    for (unsigned S = 0; S < Events.Events.size(); ++S) {
      if (!Flow.Reached[S])
        continue;
      if (event(S).Kind == EventKind::Slow)
        checkSlowCall(S);
      else if (event(S).Kind == EventKind::Lock)
        checkLock(S);
    }
    summarise(FD, Events, Flow, *Taint, Guards, Pending, Summary);
    publishTimelines();
    return std::move(Facts);
  }

private:
  const DbEvent &event(unsigned I) const { return Events.Events[I]; }

  /// Each fact as two requests that collide, to the timeline sink.
  void publishTimelines() const {
    timeline::Sink *Sink = timeline::sink();
    if (!Sqls || !Sink)
      return;
    timeline::Builder Build({FD, Ctx, Events, Flow, *Sqls});
    for (size_t I = 0; I < Facts.size(); ++I) {
      const FactEvents &On = FactOrigins[I];
      timeline::Timeline T =
          std::visit(llvm::makeVisitor(
                         [&](const RacePair &P) {
                           return Build.race(On.First, On.Second, On.Guard, P);
                         },
                         [&](const LockInAutocommit &L) {
                           return Build.lockInAutocommit(On.First, L);
                         },
                         [&](const SlowCallUnderLock &S) {
                           return Build.slowCall(On.First, S);
                         }),
                     Facts[I]);
      if (UnitRecord *Record = currentUnitRecord())
        Record->Timelines.push_back(T);
      Sink->add(std::move(T));
    }
  }
  const ConnectionState &before(unsigned I) const { return Flow.Before[I]; }

  /// For each read, the writes its value guards or flows into, in event
  /// order. Found from the writes' side, so that the cost follows the
  /// flows there are rather than every pair of a read and a write.
  void collectCandidates() {
    unsigned N = Events.Events.size();
    Candidates.assign(N, {});
    Guards.assign(N, {});
    for (unsigned W = 0; W < N; ++W) {
      const DbEvent &Write = event(W);
      if (Write.Kind != EventKind::Write || !Flow.Reached[W])
        continue;
      Guards[W] = Order->guardsOf(W);
      llvm::SmallBitVector Reads = Taint->of(Write.At);
      for (const Expr *In : Write.Inputs)
        Reads |= Taint->of(In);
      for (const Expr *Cond : Guards[W])
        Reads |= Taint->of(Cond);
      for (const auto &[Captured, Cond] : Write.CapturedGuards)
        Reads |= Taint->ofDecl(Captured);
      for (unsigned R : Reads.set_bits())
        Candidates[R].push_back(W);
    }
    // A helper's read decides the writes the same call makes after it.
    for (unsigned R = 0; R < N; ++R)
      if (event(R).Kind == EventKind::Read && event(R).DecidesOwnWrites)
        for (unsigned W = R + 1; W < N; ++W)
          if (decidedInCallee(R, W) && Flow.Reached[W] &&
              !llvm::is_contained(Candidates[R], W))
            Candidates[R].push_back(W);
  }

  /// Write \p W is one the helper whose call read \p R decides itself.
  bool decidedInCallee(unsigned R, unsigned W) const {
    return event(R).DecidesOwnWrites && event(W).Kind == EventKind::Write &&
           event(W).At == event(R).At && W > R;
  }

  /// The condition, among the branches \p W depends on, that carries \p R.
  const Expr *guardingCondition(unsigned R, unsigned W) const {
    for (const Expr *Cond : Guards[W])
      if (Taint->of(Cond).test(R))
        return Cond;
    for (const auto &[Captured, Cond] : event(W).CapturedGuards)
      if (Taint->ofDecl(Captured).test(R))
        return Cond;
    return nullptr;
  }

  bool sameRows(const DbEvent &R, const DbEvent &W) const {
    if (Options.Matching == EntityMatching::Table)
      return true;
    // Rows an ORM read and wrote by their keys (`get(from)`, `get(to)`).
    // Keys of different shapes (`get(site, label)`, `erase(id)`) tell
    // nothing apart.
    if (R.RowKey && W.RowKey && R.RowKeyMore.size() == W.RowKeyMore.size() &&
        (R.RowKey != W.RowKey || R.RowKeyMore != W.RowKeyMore))
      return false;
    if (!R.Facts || !W.Facts)
      return true;
    std::string Table = sharedTable(R, W).value_or("");
    for (const sqlfacts::KeyComparison &RK : R.Facts->Keys)
      for (const sqlfacts::KeyComparison &WK : W.Facts->Keys) {
        // One of a set's values may be any row's key. A column outside the
        // schema's keys is the row's contents, which may change between the
        // read and the write: its two values tell no rows apart.
        if (RK.Column != WK.Column || RK.AnyOf || WK.AnyOf ||
            !mayIdentifyRows(Options.Schema.get(), Table, RK.Column))
          continue;
        if (boundValues(R, RK, W, WK) == BoundValues::Different)
          return false;
      }
    return true;
  }

  std::optional<std::string> sharedTable(const DbEvent &R,
                                         const DbEvent &W) const {
    for (const std::string &T : R.Tables)
      for (const std::string &U : W.Tables)
        if (sqlfacts::sameTable(T, U))
          return T;
    return std::nullopt;
  }

  bool serializable(const ConnectionState &S, const DbEvent &W,
                    const DbEvent &R) const {
    if (!S.inTransaction())
      return false;
    if (Options.AssumeSerializable ||
        S.IsolationLevel == sqlfacts::Isolation::Serializable)
      return true;
    // PostgreSQL's REPEATABLE READ fails the second of two concurrent
    // updates of one row; it does nothing for inserts.
    return S.IsolationLevel == sqlfacts::Isolation::RepeatableRead &&
           dialectOf(R, Options) == sqlfacts::Dialect::PostgreSQL &&
           W.WriteKind != sqlfacts::StatementKind::Insert;
  }

  static bool sameTransaction(const ConnectionState &A,
                              const ConnectionState &B) {
    return A.inTransaction() && A.Tx == B.Tx;
  }

  /// Records a pair considered and its verdict, when tracing.
  void note(unsigned R, unsigned W, trace::PairVerdict V,
            const RacePair *P = nullptr) {
    if (Trace)
      Trace->Pairs.push_back(
          trace::describePair(Events, R, W, V, P, Ctx.getSourceManager()));
  }

  /// When tracing: the writes of a table \p R reads that its value reaches
  /// in no way, which are never candidates.
  void noteUnusedValue(unsigned R) {
    if (!Trace)
      return;
    for (unsigned W = 0; W < Events.Events.size(); ++W)
      if (event(W).Kind == EventKind::Write && Flow.Reached[W] &&
          event(W).At != event(R).At && !llvm::is_contained(Candidates[R], W) &&
          sharedTable(event(R), event(W)))
        note(R, W, trace::PairVerdict::ValueNotUsed);
  }

  /// Why candidate write \p W of read \p R is no pair, or nothing.
  std::optional<trace::PairVerdict> noPair(unsigned R, unsigned W) const {
    const DbEvent &Read = event(R), &Write = event(W);
    if (Write.At == Read.At && !decidedInCallee(R, W))
      return trace::PairVerdict::SameCall;
    if (!sharedTable(Read, Write))
      return trace::PairVerdict::NoSharedTable;
    if (!sameRows(Read, Write))
      return trace::PairVerdict::DifferentRows;
    if (!Order->runsBefore(R, W))
      return trace::PairVerdict::NotAfterRead;
    return std::nullopt;
  }

  /// The read's pairs with the writes it decides, in event order, up to
  /// the first one nothing protects: a read is reported once.
  void checkRead(unsigned R) {
    noteUnusedValue(R);
    const DbEvent &Read = event(R);
    for (unsigned I = 0; I < Candidates[R].size(); ++I) {
      unsigned W = Candidates[R][I];
      if (std::optional<trace::PairVerdict> Not = noPair(R, W)) {
        note(R, W, *Not);
        continue;
      }
      std::optional<std::string> Table = sharedTable(Read, event(W));
      const Expr *Guard = guardingCondition(R, W);
      bool Checked = Guard != nullptr;
      if (decidedInCallee(R, W)) {
        Guard = Read.DecidedAt;
        Checked = Read.Checked;
      } else if (!Guard && !consumes(W, R)) {
        note(R, W, trace::PairVerdict::ValueNotUsed);
        continue;
      }
      Facts.push_back(pairOf(R, W, *Table, Guard, Checked));
      FactOrigins.push_back({R, W, Guard});
      RacePair &P = std::get<RacePair>(Facts.back());
      if (P.Protected == Protection::None && judgedInCallers(R, W)) {
        Pending[R] = {Guard, Checked};
        // The one caller may apply this function's own fix as its own.
        if (ItsCallers == Callers::OneCallHere && !P.Fix.Edits.empty())
          Pending[R].OwnFix = std::make_shared<const FixPlan>(P.Fix);
        if (ItsCallers != Callers::None) {
          note(R, W, trace::PairVerdict::JudgedInCallers);
          Facts.pop_back();
          FactOrigins.pop_back();
          return;
        }
      }
      note(R, W, trace::PairVerdict::Race, &P);
      if (P.Protected == Protection::None) {
        P.UpsertByHand =
            P.Shape == WriteShape::Insert && updatesFoundRow(R, *Table);
        if (P.Shape == WriteShape::Insert)
          P.UniqueKey = uniqueKeyChecked(R, W);
        for (unsigned Later : llvm::drop_begin(Candidates[R], I + 1))
          note(R, Later, trace::PairVerdict::AfterFirstRace);
        return;
      }
    }
    if (Read.Lock != sqlfacts::LockStrength::None &&
        before(R).Tx == TxAutocommit) {
      LockInAutocommit L;
      L.At = Read.At->getBeginLoc();
      L.In = helperPlace(Read);
      L.Strength = Read.Lock;
      L.Name = firstTable(Read);
      Facts.push_back(std::move(L));
      FactOrigins.push_back({R});
    }
  }

  /// Whether the race of \p R and \p W depends on the caller's transaction:
  /// both run on a connection the caller passes (a handle parameter, or the
  /// connection a C API's calls share), outside any transaction of this
  /// function's own (none begun here, or the caller's handle).
  bool judgedInCallers(unsigned R, unsigned W) const {
    const DbEvent &Read = event(R), &Write = event(W);
    // A lambda is judged where it is written (its calls are not followed).
    if (const auto *M = dyn_cast<CXXMethodDecl>(FD);
        M && M->getParent()->isLambda())
      return false;
    const ValueDecl *Via = Events.ConnectionDecls[Read.Connection];
    const auto *Param = dyn_cast_or_null<ParmVarDecl>(Via);
    int Tx = before(R).Tx;
    return (!Via || (Param && Param->getDeclContext() == FD)) &&
           Write.Connection == Read.Connection && before(W).Tx == Tx &&
           (Tx == TxNone || Tx == TxCaller) && !Read.OwnTransaction &&
           !Write.OwnTransaction && !Read.RunsLater && !Write.RunsLater;
  }

  /// The schema's unique key of the insert's table that covers both the
  /// columns the check found its rows by and the columns the insert sets
  /// (when it names them): a second insert of the same row then fails.
  std::vector<std::string> uniqueKeyChecked(unsigned R, unsigned W) const {
    const DbEvent &Read = event(R), &Write = event(W);
    if (!Options.Schema || !Read.Facts || !Write.Facts || Write.Tables.empty())
      return {};
    const std::string &Table = Write.Tables.front();
    std::vector<std::string> Looked, Set;
    for (const sqlfacts::KeyComparison &K : Read.Facts->Keys)
      if (!K.AnyOf && (K.Table.empty() || sqlfacts::sameTable(K.Table, Table)))
        Looked.push_back(K.Column);
    for (const sqlfacts::KeyComparison &V : Write.Facts->Values)
      Set.push_back(V.Column);
    std::optional<std::vector<std::string>> Key =
        Options.Schema->uniqueKeyWithin(Table, Looked);
    if (!Key || (!Set.empty() && !llvm::all_of(*Key, [&](const std::string &C) {
          return llvm::is_contained(Set, C);
        })))
      return {};
    return *Key;
  }

  /// The read's value flows into the write's SQL or bound values.
  bool consumes(unsigned W, unsigned R) const {
    const DbEvent &Write = event(W);
    if (Taint->of(Write.At).test(R))
      return true;
    return llvm::any_of(Write.Inputs,
                        [&](const Expr *In) { return Taint->of(In).test(R); });
  }

  /// Whether read \p R also decides an update of the row it found in
  /// \p Table: with an insert, the two make an upsert by hand.
  bool updatesFoundRow(unsigned R, llvm::StringRef Table) const {
    const DbEvent &Read = event(R);
    return llvm::any_of(Candidates[R], [&](unsigned W) {
      const DbEvent &Write = event(W);
      return Write.WriteKind == sqlfacts::StatementKind::Update &&
             sharedTable(Read, Write) == Table && onlyWhichRow(R, W);
    });
  }

  /// Read \p R only found the row write \p W changes, and feeds it nothing.
  bool onlyWhichRow(unsigned R, unsigned W) const {
    const DbEvent &Read = event(R), &Write = event(W);
    return Read.Facts && Write.Facts &&
           sqlfacts::decidesOnlyWhichRow(*Read.Facts, *Write.Facts) &&
           !feedsValues(W, R);
  }

  /// Whether a value read by \p R reaches write \p W other than as the key
  /// \p W finds its row by.
  bool feedsValues(unsigned W, unsigned R) const {
    const DbEvent &Write = event(W);
    llvm::SmallPtrSet<const Expr *, 4> KeyValues;
    if (Write.Facts)
      for (const sqlfacts::KeyComparison &K : Write.Facts->Keys)
        if (auto It = Write.Params.find(K.Param);
            K.Param && It != Write.Params.end())
          KeyValues.insert(It->second);
    auto Carries = [&](const Expr *E) {
      return !KeyValues.count(E) && Taint->of(E).test(R);
    };
    return llvm::any_of(Write.Params,
                        [&](const auto &P) { return Carries(P.second); }) ||
           llvm::any_of(Write.Inputs, Carries);
  }

  /// A LOCK TABLE or transaction-level advisory lock in autocommit protects
  /// nothing; a session-level advisory lock (`pg_advisory_lock`) does.
  void checkLock(unsigned L) {
    const DbEvent &Lock = event(L);
    if (before(L).Tx != TxAutocommit || !Lock.Facts)
      return;
    bool Advisory = Lock.Facts->Kind != sqlfacts::StatementKind::LockTable;
    if (Lock.Facts->Kind == sqlfacts::StatementKind::AdvisoryLock &&
        !llvm::StringRef(Lock.Facts->AdvisoryFunction).contains("xact"))
      return;
    LockInAutocommit F;
    F.What = Advisory ? LockInAutocommit::Kind::Advisory
                      : LockInAutocommit::Kind::Table;
    F.At = Lock.At->getBeginLoc();
    if (Advisory)
      F.Name = Lock.Facts->AdvisoryFunction;
    Facts.push_back(std::move(F));
    FactOrigins.push_back({L});
  }

  /// Whether an earlier lock of this transaction covers the read's rows.
  static bool lockedEarlier(const DbEvent &Read, const ConnectionState &S) {
    if (S.CoversNewRows)
      return true;
    if (!Read.KeyDecls.empty())
      return llvm::any_of(Read.KeyDecls, [&](const ValueDecl *K) {
        return llvm::is_contained(S.LockedKeys, K);
      });
    return llvm::any_of(Read.Tables, [&](const std::string &T) {
      return llvm::any_of(S.LockedTables, [&](const std::string &Locked) {
        return sqlfacts::sameTable(T, Locked);
      });
    });
  }

  /// The race between read \p R and write \p W: where, how their
  /// transactions relate, what protects it, and when nothing does, its fix.
  RacePair pairOf(unsigned R, unsigned W, const std::string &Table,
                  const Expr *Guard, bool Checked) {
    const DbEvent &Read = event(R), &Write = event(W);
    RacePair P;
    P.Read = Read.At->getBeginLoc();
    P.ReadIn = helperPlace(Read);
    if (Guard)
      P.Check = Guard->getBeginLoc();
    else if (decidedInCallee(R, W))
      P.DecidedIn =
          Read.OriginFunction.empty() ? Read.Callee : Read.OriginFunction;
    if (decidedInCallee(R, W))
      P.JudgedHelper = Read.DecidingHelper;
    P.Write = Write.At->getBeginLoc();
    P.WriteIn = helperPlace(Write);
    if (const Stmt *Begin = before(W).BeginAt)
      P.Begin = Begin->getBeginLoc();
    P.Entity = Table;
    P.ReadEntity = firstTable(Read);
    P.WriteEntity = firstTable(Write);
    P.ReadLock = Read.Lock;
    P.Shape = shapeOf(Write.WriteKind);
    P.Relation = relationOf(before(R), before(W));
    P.WriteDialect = dialectOf(Write, Options);
    P.Protected = protectionOf(R, W, Checked);
    if (P.Protected == Protection::None)
      P.Fix = Planner->plan(R, W, P);
    return P;
  }

  static TransactionRelation relationOf(const ConnectionState &RS,
                                        const ConnectionState &WS) {
    if (sameTransaction(RS, WS))
      return TransactionRelation::SameTransaction;
    if (RS.Tx >= 0)
      return WS.inTransaction() ? TransactionRelation::ReadInEarlierTransaction
                                : TransactionRelation::ReadInEndedTransaction;
    return WS.inTransaction() ? TransactionRelation::ReadBeforeBegin
                              : TransactionRelation::None;
  }

  /// What keeps the write from losing a concurrent one, or None.
  Protection protectionOf(unsigned R, unsigned W, bool Checked) const {
    const DbEvent &Read = event(R), &Write = event(W);
    const ConnectionState &RS = before(R), &WS = before(W);
    bool Same = sameTransaction(RS, WS);
    if (RS.SessionLockAt && RS.SessionLockAt == WS.SessionLockAt)
      return Protection::SessionLock;
    if (Write.WriteKind == sqlfacts::StatementKind::Upsert && Checked)
      return Protection::ConflictClause;
    if (onlyWhichRow(R, W))
      return Protection::OnlyWhichRow;
    if (Write.WriteKind == sqlfacts::StatementKind::Insert) {
      if (!Checked)
        return Protection::NewRow;
      bool ParentLocked = llvm::any_of(Read.KeyDecls, [&](const ValueDecl *K) {
        return llvm::is_contained(RS.LockedKeys, K);
      });
      if (Same && (RS.CoversNewRows || ParentLocked))
        return Protection::NewRowsLocked;
      if (Same && serializable(RS, Write, Read))
        return Protection::Serializable;
      return Protection::None;
    }
    std::string Table = sharedTable(Read, Write).value_or("");
    const sqlfacts::TableKeys *Keys =
        Options.Schema ? Options.Schema->keysOf(Table) : nullptr;
    if (Write.Facts && Write.ResultUsed &&
        (sqlfacts::rechecks(Read.Facts, *Write.Facts, Keys) ||
         reassertsReadCondition(Options.Schema.get(), Table, Read, Write) ||
         (Read.Facts &&
          sqlfacts::checksWhatItChanges(*Read.Facts, *Write.Facts))))
      return Protection::ConditionalWrite;
    if (Write.Versioned)
      return Protection::VersionedWrite;
    if (Same && serializable(RS, Write, Read))
      return Protection::Serializable;
    if (locksRows(Read.Lock)) {
      // A shared lock is held by both of two concurrent requests: both pass
      // the check, and each one's write waits for the other's lock.
      if (Same && !sqlfacts::lockConflictsWithItself(Read.Lock))
        return lockedEarlier(Read, RS) ? Protection::LockedEarlier
                                       : Protection::None;
      if (Same)
        return Protection::LockHeld;
      bool Known = (!RS.inTransaction() && RS.Tx != TxUnknown) ||
                   (RS.Tx >= 0 && WS.Tx != TxUnknown);
      return Known ? Protection::None : Protection::TransactionUnknown;
    }
    if (Same)
      return lockedEarlier(Read, RS) ? Protection::LockedEarlier
                                     : Protection::None;
    bool Known = (WS.inTransaction() && RS.Tx != TxUnknown) ||
                 (RS.Tx >= 0 && WS.runsAlone()) ||
                 (RS.runsAlone() && WS.runsAlone());
    return Known ? Protection::None : Protection::TransactionUnknown;
  }

  void checkSlowCall(unsigned S) {
    const ConnectionState &State = before(S);
    if (!State.inTransaction() || !State.LockAt)
      return;
    SlowCallUnderLock F;
    F.At = event(S).At->getBeginLoc();
    if (event(S).Origin)
      F.InHelper = event(S).Origin->getBeginLoc();
    F.Callee = event(S).Callee;
    F.LockAt = State.LockAt->getBeginLoc();
    Facts.push_back(std::move(F));
    FactOrigins.push_back({S});
  }

  const FunctionDecl *FD;
  ASTContext &Ctx;
  const AnalyzerOptions &Options;
  SqlTextResolver &Resolver;
  FunctionEvents Events;
  std::unique_ptr<CFG> Cfg;
  TransactionFlow Flow;
  std::optional<ReadTaint> Taint;
  std::optional<EventOrder> Order;
  std::optional<fixes::FixPlanner> Planner;
  /// Per read: the writes it may decide. Per write: its guards' conditions.
  std::vector<llvm::SmallVector<unsigned, 2>> Candidates;
  std::vector<llvm::SmallVector<const Expr *, 2>> Guards;
  std::vector<Fact> Facts;
  /// Per fact, the events it stands on (the read and the write; the lock;
  /// the slow call) and the read's check, for its timeline.
  struct FactEvents {
    unsigned First = 0, Second = 0;
    const Expr *Guard = nullptr;
  };
  std::vector<FactEvents> FactOrigins;
  Callers ItsCallers;
  /// Reads whose race with a write depends on the caller's transaction.
  PendingReads Pending;
  trace::Function *Trace;
  const timeline::SqlByStatement *Sqls;
};

} // namespace

std::vector<Fact> findFacts(const FunctionDecl *FD, ASTContext &Ctx,
                            const AnalyzerOptions &Options,
                            SqlTextResolver &Resolver, FunctionEvents Events,
                            FunctionSummary &Summary, Callers ItsCallers,
                            trace::Function *Trace,
                            const timeline::SqlByStatement *Sqls) {
  return FunctionAnalysis(FD, Ctx, Options, Resolver, std::move(Events),
                          ItsCallers, Trace, Sqls)
      .run(Summary);
}

} // namespace dbrace
