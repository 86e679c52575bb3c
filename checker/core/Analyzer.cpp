//===--- Analyzer.cpp - Read-check-write races in one function ------------===//

#include "Analyzer.h"
#include "AstNames.h"
#include "Events.h"
#include "ReadTaint.h"
#include "TransactionFlow.h"
#include "fixes/Headers.h"
#include "fixes/TransactionFixes.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/Analyses/Dominators.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallSet.h"

using namespace clang;
using namespace dbrace;

bool dbrace::shouldAnalyze(const FunctionDecl *FD, ASTContext &Ctx) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
      FD->isInvalidDecl())
    return false;
  SourceLocation Loc = FD->getLocation();
  return Loc.isValid() && !Ctx.getSourceManager().isInSystemHeader(Loc);
}

Analyzer::Analyzer(ASTContext &Ctx, const ApiModel &Model,
                   AnalyzerOptions Options)
    : Ctx(Ctx), Model(Model), Options(std::move(Options)),
      Resolver(Ctx, Model,
               [this](llvm::StringRef Key) { return namedStatement(Key); }) {}

namespace {

std::string quoted(llvm::StringRef S) { return ("'" + S + "'").str(); }

/// What makes a check-then-insert safe, in statements \p D has: a unique
/// constraint the insert defers to, or a lock taken before the check (SQLite
/// has no row locks; its immediate transaction locks the database).
std::string checkThenInsertAdvice(sqlfacts::Dialect D) {
  llvm::StringRef Insert, Lock = "locking the parent row before the check";
  switch (D) {
  case sqlfacts::Dialect::PostgreSQL:
    Insert = "'ON CONFLICT DO NOTHING'";
    break;
  case sqlfacts::Dialect::MySQL:
    Insert = "'INSERT IGNORE' or 'ON DUPLICATE KEY UPDATE'";
    break;
  case sqlfacts::Dialect::SQLite:
    Insert = "'INSERT OR IGNORE' or 'ON CONFLICT DO NOTHING'";
    Lock = "'BEGIN IMMEDIATE' before the check";
    break;
  }
  return ("a unique constraint with " + Insert +
          " and a check of the affected rows, or " + Lock +
          ", makes this safe")
      .str();
}

llvm::StringRef writeVerb(sqlfacts::StatementKind K) {
  switch (K) {
  case sqlfacts::StatementKind::Insert:
  case sqlfacts::StatementKind::Upsert:
    return "inserted into";
  case sqlfacts::StatementKind::Delete:
    return "deleted from";
  default:
    return "updated";
  }
}

bool isLocking(sqlfacts::LockStrength L) {
  return L == sqlfacts::LockStrength::ForShare ||
         L == sqlfacts::LockStrength::ForNoKeyUpdate ||
         L == sqlfacts::LockStrength::ForUpdate;
}

/// Where each event's statement sits on the CFG.
struct Position {
  const CFGBlock *Block = nullptr;
  unsigned Index = 0;
};

class FunctionAnalysis {
public:
  FunctionAnalysis(const FunctionDecl *FD, ASTContext &Ctx,
                   const AnalyzerOptions &Options, SqlTextResolver &Resolver,
                   FunctionEvents Events)
      : FD(FD), Ctx(Ctx), Options(Options), Resolver(Resolver),
        Events(std::move(Events)) {}

  std::vector<Finding> run(FunctionSummary &Summary) {
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
    if (!Cfg)
      return {}; // FIXME: code the CFG builder rejects is not analysed.
    Flow = runTransactionFlow(*Cfg, Events);
    Taint.emplace(FD->getBody(), Events);
    locateEvents();

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
    summarise(Summary);
    return std::move(Findings);
  }

  /// The events that act in the caller's context, for the summary.
  void summarise(FunctionSummary &Summary) {
    llvm::SmallBitVector Returned(Events.Events.size());
    forEachReturn(FD->getBody(), [&](const ReturnStmt *Ret) {
      Returned |= Taint->of(Ret->getRetValue());
    });
    // Pointer and non-const reference parameters other than handles: the
    // caller's variables the function stores a read's value in.
    llvm::SmallVector<std::pair<unsigned, llvm::SmallBitVector>, 2> Stored;
    for (const ParmVarDecl *P : FD->parameters()) {
      QualType T = P->getType();
      bool Out = (T->isLValueReferenceType() &&
                  !T.getNonReferenceType().isConstQualified()) ||
                 (T->isPointerType() && !T->getPointeeType().isConstQualified());
      if (Out && !llvm::is_contained(Events.SlotDecls, P))
        Stored.emplace_back(P->getFunctionScopeIndex(), Taint->storedInto(P));
    }
    for (unsigned I = 0; I < Events.Events.size(); ++I) {
      const DbEvent &E = event(I);
      if (!Flow.Reached[I])
        continue;
      SummaryEvent S;
      S.Kind = E.Kind;
      S.Tables = E.Tables;
      S.WriteKind = E.WriteKind;
      S.Lock = E.Lock;
      S.CoversNewRows = E.CoversNewRows;
      S.OwnTransaction = before(I).Tx >= 0 || E.OwnTransaction;
      S.At = E.Origin ? E.Origin : E.At;
      S.Function = E.Origin ? E.OriginFunction : Summary.Name;
      S.Callee = E.Callee;
      S.Library = E.Library;
      const ValueDecl *Via = Events.SlotDecls[E.Slot];
      if (Via && isa<VarDecl>(Via) && Via->getDeclContext() != FD)
        S.ViaCaptured = Via;
      else if (const auto *P = dyn_cast_or_null<ParmVarDecl>(Via))
        S.ViaParam = P->getFunctionScopeIndex();
      S.ViaField = isa_and_nonnull<FieldDecl>(Via) || E.AnyTransaction;
      if (E.SqlParam >= 0) {
        S.SqlParam = E.SqlParam;
        S.Returned = Returned.test(I);
        S.ResultUsed = E.ResultUsed;
        for (const auto &[Placeholder, Value] : E.Params)
          if (const auto *P = dyn_cast_or_null<ParmVarDecl>(rootDecl(Value));
              P && P->getDeclContext() == FD &&
              isa<DeclRefExpr>(stripWrappers(Value)))
            S.ParamArgs.push_back({Placeholder, P->getFunctionScopeIndex()});
        Summary.Events.push_back(std::move(S));
        continue;
      }
      switch (E.Kind) {
      case EventKind::Read:
        S.Returned = Returned.test(I);
        for (const auto &[Param, Bits] : Stored)
          if (Bits.test(I))
            S.ResultParams.push_back(Param);
        if (!S.Returned && S.ResultParams.empty() &&
            (!isLocking(E.Lock) || S.OwnTransaction))
          continue;
        break;
      case EventKind::Write:
        S.Protected = E.Versioned || (E.Facts &&
                                      !E.Facts->GuardColumns.empty() &&
                                      E.ResultUsed);
        S.CapturedGuards = E.CapturedGuards;
        for (const Expr *Cond : Guards[I])
          forEachCapture(Cond, [&](const ValueDecl *D) {
            S.CapturedGuards.push_back({D, Cond});
          });
        break;
      case EventKind::Lock:
        if (S.OwnTransaction)
          continue;
        break;
      case EventKind::Begin:
      case EventKind::End:
        // A helper that begins or ends its caller's transaction
        // (`begin(db)`, the constructor and destructor of a guard class),
        // not one on an object of its own.
        if (S.ViaField || (isa_and_nonnull<VarDecl>(Via) &&
                           !isa<ParmVarDecl>(Via) && !S.ViaCaptured))
          continue;
        S.IsolationLevel = E.IsolationLevel;
        S.Autocommit = E.Autocommit;
        S.Chain = E.Chain;
        break;
      case EventKind::Slow:
        break;
      default:
        continue;
      }
      Summary.Events.push_back(std::move(S));
    }
  }

  /// The enclosing function's variables a lambda's expression uses.
  template <typename Fn> static void forEachCapture(const Stmt *S, Fn &&F) {
    if (!S)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->refersToEnclosingVariableOrCapture())
      F(Ref->getDecl());
    for (const Stmt *Child : S->children())
      forEachCapture(Child, F);
  }

  template <typename Fn> static void forEachReturn(const Stmt *S, Fn &&F) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *Ret = dyn_cast<ReturnStmt>(S))
      F(Ret);
    for (const Stmt *Child : S->children())
      forEachReturn(Child, F);
  }

private:
  const DbEvent &event(unsigned I) const { return Events.Events[I]; }
  const SlotState &before(unsigned I) const { return Flow.Before[I]; }

  void locateEvents() {
    Positions.resize(Events.Events.size());
    for (const CFGBlock *B : *Cfg) {
      unsigned Index = 0;
      for (const CFGElement &E : *B) {
        ++Index;
        auto S = E.getAs<CFGStmt>();
        if (!S)
          continue;
        auto It = Events.ByStmt.find(S->getStmt());
        if (It == Events.ByStmt.end())
          continue;
        for (unsigned Ev : It->second)
          Positions[Ev] = {B, Index};
      }
    }
  }

  /// Whether event A comes first: by reverse post-order of their blocks,
  /// which follows every path that does not go round a loop. A reachability
  /// query per write would make long functions quadratic.
  bool runsBefore(unsigned A, unsigned B) {
    const Position &PA = Positions[A], &PB = Positions[B];
    if (!PA.Block || !PB.Block)
      return false;
    if (PA.Block == PB.Block)
      return PA.Index < PB.Index || (PA.Index == PB.Index && A < B);
    if (BlockOrder.empty()) {
      BlockOrder.resize(Cfg->getNumBlockIDs());
      unsigned Next = 0;
      for (const CFGBlock *Block : PostOrderCFGView(Cfg.get()))
        BlockOrder[Block->getBlockID()] = ++Next;
    }
    return BlockOrder[PA.Block->getBlockID()] <
           BlockOrder[PB.Block->getBlockID()];
  }

  /// Control dependences of every block, computed once from the
  /// post-dominator tree: B depends on A when A has a successor from which
  /// B is certain to run, but A itself is not.
  void computeControlDependences() {
    Dependences.resize(Cfg->getNumBlockIDs());
    CFGPostDomTree PostDom(Cfg.get());
    auto IPDom = [&](const CFGBlock *B) -> const CFGBlock * {
      auto *Node = PostDom.getBase().getNode(const_cast<CFGBlock *>(B));
      return Node && Node->getIDom() ? Node->getIDom()->getBlock() : nullptr;
    };
    for (const CFGBlock *A : *Cfg) {
      if (A->succ_size() < 2)
        continue;
      const CFGBlock *Stop = IPDom(A);
      for (const CFGBlock::AdjacentBlock &Succ : A->succs()) {
        const CFGBlock *B = Succ.getReachableBlock();
        for (unsigned Steps = 0; B && B != Stop && Steps < Cfg->size();
             B = IPDom(B), ++Steps)
          Dependences[B->getBlockID()].push_back(A);
      }
    }
  }

  /// The conditions of the branches \p W depends on, transitively, nearest
  /// first.
  llvm::SmallVector<const Expr *, 2> guardsOf(unsigned W) const {
    llvm::SmallVector<const Expr *, 2> Found;
    const CFGBlock *Start = Positions[W].Block;
    llvm::SmallPtrSet<const CFGBlock *, 16> Seen{Start};
    llvm::SmallVector<const CFGBlock *, 16> Work{Start};
    while (!Work.empty()) {
      const CFGBlock *B = Work.pop_back_val();
      for (const CFGBlock *Dep : Dependences[B->getBlockID()]) {
        if (!Seen.insert(Dep).second)
          continue;
        Work.push_back(Dep);
        if (const Expr *Cond =
                dyn_cast_or_null<Expr>(Dep->getTerminatorCondition()))
          Found.push_back(Cond);
      }
    }
    return Found;
  }

  /// For each read, the writes its value guards or flows into, in event
  /// order. Found from the writes' side, so that the cost follows the
  /// flows there are rather than every pair of a read and a write.
  void collectCandidates() {
    unsigned N = Events.Events.size();
    Candidates.assign(N, {});
    Guards.assign(N, {});
    computeControlDependences();
    for (unsigned W = 0; W < N; ++W) {
      const DbEvent &Write = event(W);
      if (Write.Kind != EventKind::Write || !Flow.Reached[W])
        continue;
      Guards[W] = guardsOf(W);
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
    if (R.RowKey && W.RowKey && R.RowKey != W.RowKey)
      return false;
    if (!R.Facts || !W.Facts)
      return true;
    for (const sqlfacts::KeyComparison &RK : R.Facts->Keys)
      for (const sqlfacts::KeyComparison &WK : W.Facts->Keys) {
        if (RK.Column != WK.Column)
          continue;
        if (RK.Literal && WK.Literal && *RK.Literal != *WK.Literal)
          return false;
        auto RE = R.Params.find(RK.Param), WE = W.Params.find(WK.Param);
        if (RE == R.Params.end() || WE == W.Params.end())
          continue;
        const ValueDecl *RD = keyDecl(RE->second), *WD = keyDecl(WE->second);
        if (RD && WD && RD != WD)
          return false;
      }
    return true;
  }

  std::optional<std::string> sharedTable(const DbEvent &R,
                                         const DbEvent &W) const {
    for (const std::string &T : R.Tables)
      if (llvm::is_contained(W.Tables, T))
        return T;
    return std::nullopt;
  }

  bool serializable(const SlotState &S, const DbEvent &W,
                    const DbEvent &R) const {
    if (!S.inTransaction())
      return false;
    if (Options.AssumeSerializable ||
        S.IsolationLevel == sqlfacts::Isolation::Serializable)
      return true;
    // PostgreSQL's REPEATABLE READ fails the second of two concurrent
    // updates of one row; it does nothing for inserts.
    return S.IsolationLevel == sqlfacts::Isolation::RepeatableRead &&
           dialectOf(R) == sqlfacts::Dialect::PostgreSQL &&
           W.WriteKind != sqlfacts::StatementKind::Insert;
  }

  sqlfacts::Dialect dialectOf(const DbEvent &E) const {
    if (Options.Dialect)
      return *Options.Dialect;
    return E.Library ? E.Library->Dialect : sqlfacts::Dialect::PostgreSQL;
  }

  static bool sameTransaction(const SlotState &A, const SlotState &B) {
    return A.inTransaction() && A.Tx == B.Tx;
  }

  void checkRead(unsigned R) {
    const DbEvent &Read = event(R);
    bool Reported = false;
    for (unsigned W : Candidates[R]) {
      if (Reported)
        break;
      const DbEvent &Write = event(W);
      if (Write.At == Read.At)
        continue;
      std::optional<std::string> Table = sharedTable(Read, Write);
      if (!Table || !sameRows(Read, Write) || !runsBefore(R, W))
        continue;
      const Expr *Guard = guardingCondition(R, W);
      bool Consumed = !Guard && consumes(W, R);
      if (!Guard && !Consumed)
        continue;
      Reported = classify(R, W, *Table, Guard);
    }
    if (!Reported && Read.Lock != sqlfacts::LockStrength::None &&
        before(R).Tx == TxAutocommit)
      reportLockWithoutTransaction(R, std::nullopt);
  }

  /// The read's value flows into the write's SQL or bound values.
  bool consumes(unsigned W, unsigned R) const {
    const DbEvent &Write = event(W);
    if (Taint->of(Write.At).test(R))
      return true;
    return llvm::any_of(Write.Inputs, [&](const Expr *In) {
      return Taint->of(In).test(R);
    });
  }

  /// A LOCK TABLE or transaction-level advisory lock in autocommit protects
  /// nothing; a session-level advisory lock (`pg_advisory_lock`) does.
  void checkLock(unsigned L) {
    const DbEvent &Lock = event(L);
    if (before(L).Tx != TxAutocommit || !Lock.Facts)
      return;
    if (Lock.Facts->Kind == sqlfacts::StatementKind::AdvisoryLock &&
        !llvm::StringRef(Lock.Facts->AdvisoryFunction).contains("xact"))
      return;
    std::string What =
        Lock.Facts->Kind == sqlfacts::StatementKind::LockTable
            ? "'LOCK TABLE'"
            : quoted(Lock.Facts->AdvisoryFunction.empty()
                         ? "advisory lock"
                         : Lock.Facts->AdvisoryFunction);
    Finding F;
    F.Check = checks::LockWithoutTransaction.str();
    F.Loc = Lock.At->getBeginLoc();
    F.Message = What + " runs outside a transaction, so the lock is released "
                       "as soon as the statement ends";
    Findings.push_back(std::move(F));
  }

  /// Whether an earlier lock of this transaction covers the read's rows.
  static bool lockedEarlier(const DbEvent &Read, const SlotState &S) {
    if (S.CoversNewRows)
      return true;
    if (!Read.KeyDecls.empty())
      return llvm::any_of(Read.KeyDecls, [&](const ValueDecl *K) {
        return llvm::is_contained(S.LockedKeys, K);
      });
    return llvm::any_of(Read.Tables, [&](const std::string &T) {
      return llvm::is_contained(S.LockedTables, T);
    });
  }

  /// Reports the race between read \p R and write \p W, if unprotected.
  bool classify(unsigned R, unsigned W, const std::string &Table,
                const Expr *Guard) {
    const DbEvent &Read = event(R), &Write = event(W);
    const SlotState &RS = before(R), &WS = before(W);
    bool Same = sameTransaction(RS, WS);
    if (RS.SessionLockAt && RS.SessionLockAt == WS.SessionLockAt)
      return false; // A session-level lock is held from the read to the write.

    if (Write.WriteKind == sqlfacts::StatementKind::Upsert && Guard)
      return false; // The write settles conflicts itself.
    if (Write.WriteKind == sqlfacts::StatementKind::Insert) {
      if (!Guard)
        return false; // An insert computed from a read is a new row, not a lost update.
      bool ParentLocked = llvm::any_of(Read.KeyDecls, [&](const ValueDecl *K) {
        return llvm::is_contained(RS.LockedKeys, K);
      });
      if (Same && (RS.CoversNewRows || ParentLocked ||
                   serializable(RS, Write, Read)))
        return false;
      return report(checks::CheckThenInsert, R, W, Guard,
                    "check of " + quoted(Table) +
                        " decides an insert into it; a concurrent request "
                        "can pass the same check before this one inserts, "
                        "and no row lock covers a row that does not exist yet",
                    Same ? immediateBeginFix(RS) : fixes::FixOrNote());
    }
    if (Write.Facts && !Write.Facts->GuardColumns.empty() && Write.ResultUsed)
      return false; // UPDATE ... WHERE seats > 0, its row count checked.
    if (Write.Versioned)
      return false; // The ORM fails a stale write.
    if (Same && serializable(RS, Write, Read))
      return false;

    if (isLocking(Read.Lock)) {
      if (Same)
        return false;
      if (!RS.inTransaction() && RS.Tx != TxUnknown)
        return reportLockWithoutTransaction(
            R, W, Guard,
            isAlone(RS) && isAlone(WS)
                ? fixes::openTransaction(fixSite(), Read, Write, {})
                : fixes::FixOrNote());
      if (RS.Tx >= 0 && WS.Tx != TxUnknown)
        return report(checks::ReadOutsideTransaction, R, W, Guard,
                      quoted(Table) +
                          (WS.inTransaction()
                               ? " is read and locked in an earlier "
                                 "transaction than the one that writes it"
                               : " is read and locked in a transaction that "
                                 "ends before the write") +
                          "; the lock is gone by the write");
      return false;
    }

    if (Same && lockedEarlier(Read, RS))
      return false; // Locked earlier in this transaction.

    if (Same)
      return report(checks::UnlockedReadUpdate, R, W, Guard,
                    quoted(Table) +
                        " is read without a lock and then written based on "
                        "the value; the transaction alone does not stop a "
                        "concurrent request from reading the same value",
                    lockFix(R, RS));
    if (WS.inTransaction() && RS.Tx != TxUnknown)
      return report(checks::ReadOutsideTransaction, R, W, Guard,
                    quoted(Table) +
                        (RS.Tx >= 0 ? " is read in an earlier transaction "
                                      "than the one that writes it"
                                    : " is read before the transaction that "
                                      "writes it begins") +
                        "; a concurrent request can change it in between",
                    RS.Tx < 0 ? moveBeginFix(R, WS) : fixes::FixOrNote());
    bool WriteAlone = isAlone(WS);
    if (RS.Tx >= 0 && WriteAlone)
      return report(checks::ReadOutsideTransaction, R, W, Guard,
                    quoted(Table) + " is read in a transaction that ends "
                                    "before the write; a concurrent request "
                                    "can change it in between");
    if (isAlone(RS) && WriteAlone)
      return report(checks::UnlockedReadUpdate, R, W, Guard,
                    quoted(Table) +
                        " is read without a transaction or lock and then "
                        "written based on the value; a concurrent request "
                        "can read the same value before this one writes",
                    openTransactionFix(R, W));
    return false;
  }

  /// Statements run each in a transaction of their own.
  static bool isAlone(const SlotState &S) {
    return S.Tx == TxNone || S.Tx == TxAutocommit;
  }

  /// \p Fix opens a transaction around the read and the write, whose lock
  /// then lasts until the commit.
  bool reportLockWithoutTransaction(unsigned R, std::optional<unsigned> W,
                                    const Expr *Guard = nullptr,
                                    fixes::FixOrNote Fix = {}) {
    const DbEvent &Read = event(R);
    std::string Table = Read.Tables.empty() ? "" : Read.Tables.front();
    return report(checks::LockWithoutTransaction, R, W, Guard,
                  quoted(sqlfacts::lockName(Read.Lock)) + " on " + quoted(Table) +
                      " runs outside a transaction, so the lock is released "
                      "as soon as the statement ends",
                  std::move(Fix));
  }

  /// Locks the read: with the dialect's lock clause, or where the dialect
  /// has none (SQLite), by making the transaction take the write lock.
  fixes::FixOrNote lockFix(unsigned R, const SlotState &RS) {
    const DbEvent &Read = event(R);
    std::string Clause = lockClause(Read);
    if (Clause.empty())
      return immediateBeginFix(RS);
    if (!Read.Sql || !Read.Facts || !Read.Facts->LockClauseAllowed ||
        !Read.Facts->Certain)
      return {};
    if (auto Fix =
            Resolver.insertAt(*Read.Sql, Read.Facts->LockInsertOffset,
                              " " + Clause))
      return {{*Fix}};
    return {};
  }

  /// The configured clause where the read's dialect has it, else the rules'.
  std::string lockClause(const DbEvent &Read) const {
    if (!Options.LockClause.empty() &&
        sqlfacts::isLockClause(Options.LockClause, dialectOf(Read)))
      return Options.LockClause;
    return Read.Library ? Read.Library->Fixes.LockClause : "";
  }

  /// `BEGIN` becomes `BEGIN IMMEDIATE`; a transaction object without a mode
  /// gains the library's immediate-mode argument.
  fixes::FixOrNote immediateBeginFix(const SlotState &S) {
    // One fix per transaction: the same edit on two warnings would be
    // refused as a conflict.
    if (S.Tx < 0 || !FixedBegins.insert(S.Tx).second)
      return {};
    return immediateBeginEdits(event(S.Tx));
  }

  fixes::FixOrNote immediateBeginEdits(const DbEvent &Begin) {
    if (!Begin.Library)
      return {};
    const FixTemplates &Fixes = Begin.Library->Fixes;
    if (Begin.Sql && Begin.Facts && !Fixes.ImmediateBegin.empty()) {
      if (auto Fix = Resolver.replaceRange(*Begin.Sql, Begin.Facts->Begin,
                                           Begin.Facts->End,
                                           Fixes.ImmediateBegin))
        return {{*Fix}};
      return {};
    }
    if (auto Fix = fixes::immediateModeArgument(
            dyn_cast<CXXConstructExpr>(Begin.At), Begin.Type,
            Fixes.ImmediateTransactionArg, Ctx))
      return {{*Fix},
              fixes::headerFor(Fixes.ImmediateTransactionArg,
                               Fixes.Headers.ImmediateTransactionArg,
                               Fix->RemoveRange.getBegin(), Ctx)};
    return {};
  }

  /// The read's lock inside a transaction that will hold it: none needed
  /// where the library's transaction itself locks (no lock clause).
  std::optional<fixes::FixOrNote> lockInTransaction(unsigned R) {
    if (lockClause(event(R)).empty())
      return fixes::FixOrNote();
    fixes::FixOrNote Lock = lockFix(R, before(R));
    if (Lock.Fixes.empty())
      return std::nullopt;
    return Lock;
  }

  fixes::FixSite fixSite() const { return {FD, Ctx, Events}; }

  /// \p Fix with the headers that \p Parts, edits it includes, need.
  static fixes::FixOrNote
  withHeadersOf(fixes::FixOrNote Fix,
                std::initializer_list<const fixes::FixOrNote *> Parts) {
    if (Fix.Fixes.empty())
      return Fix;
    for (const fixes::FixOrNote *Part : Parts)
      for (const std::string &H : Part->Headers)
        if (!llvm::is_contained(Fix.Headers, H))
          Fix.Headers.push_back(H);
    return Fix;
  }

  fixes::FixOrNote openTransactionFix(unsigned R, unsigned W) {
    std::optional<fixes::FixOrNote> Lock = lockInTransaction(R);
    if (!Lock)
      return {};
    return withHeadersOf(
        fixes::openTransaction(fixSite(), event(R), event(W), Lock->Fixes),
        {&*Lock});
  }

  fixes::FixOrNote moveBeginFix(unsigned R, const SlotState &WS) {
    std::optional<fixes::FixOrNote> Lock = lockInTransaction(R);
    if (WS.Tx < 0 || !Lock)
      return {};
    const DbEvent &Begin = event(WS.Tx);
    fixes::FixOrNote LockBegin;
    if (lockClause(event(R)).empty() && !Begin.CoversNewRows) {
      LockBegin = immediateBeginEdits(Begin);
      if (LockBegin.Fixes.empty())
        return {};
    }
    return withHeadersOf(fixes::moveBeginAboveRead(fixSite(), event(R), Begin,
                                                   Lock->Fixes,
                                                   LockBegin.Fixes),
                         {&*Lock, &LockBegin});
  }

  bool report(llvm::StringRef Check, unsigned R, std::optional<unsigned> W,
              const Expr *Guard, std::string Message,
              std::vector<FixItHint> Fixes = {}) {
    return report(Check, R, W, Guard, std::move(Message),
                  fixes::FixOrNote{std::move(Fixes)});
  }

  bool report(llvm::StringRef Check, unsigned R, std::optional<unsigned> W,
              const Expr *Guard, std::string Message, fixes::FixOrNote Fix) {
    Finding F;
    F.Check = Check.str();
    F.Loc = event(R).At->getBeginLoc();
    F.Message = std::move(Message);
    F.Fixes = std::move(Fix.Fixes);
    if (!F.Fixes.empty())
      F.Headers = std::move(Fix.Headers);
    if (const DbEvent &Read = event(R); Read.Origin)
      F.Notes.push_back({Read.Origin->getBeginLoc(),
                         "the value is read here, in " +
                             quoted(Read.OriginFunction)});
    if (Guard)
      F.Notes.push_back({Guard->getBeginLoc(), "the value read is checked here"});
    if (W) {
      const DbEvent &Write = event(*W);
      if (!Guard)
        F.Notes.push_back(
            {Write.At->getBeginLoc(), "the value read is used in this write"});
      std::string Table = Write.Tables.empty() ? "" : Write.Tables.front();
      F.Notes.push_back({Write.At->getBeginLoc(),
                         quoted(Table) + " is " +
                             writeVerb(Write.WriteKind).str() +
                             (Write.Origin ? " by this call" : " here")});
      if (Write.Origin)
        F.Notes.push_back({Write.Origin->getBeginLoc(),
                           quoted(Table) + " is " +
                               writeVerb(Write.WriteKind).str() + " here, in " +
                               quoted(Write.OriginFunction)});
      if (const Stmt *Begin = before(*W).BeginAt)
        F.Notes.push_back({Begin->getBeginLoc(), "the transaction begins here"});
      if (Check == checks::CheckThenInsert)
        F.Notes.push_back({Write.At->getBeginLoc(),
                           checkThenInsertAdvice(dialectOf(Write))});
    }
    if (F.Fixes.empty() && !Fix.Note.empty()) {
      F.Notes.push_back({F.Loc, std::move(Fix.Note)});
      llvm::append_range(F.Notes, Fix.MoreNotes);
    }
    Findings.push_back(std::move(F));
    return true;
  }

  void checkSlowCall(unsigned S) {
    const SlotState &State = before(S);
    if (!State.inTransaction() || !State.LockAt)
      return;
    Finding F;
    F.Check = checks::SlowCallInTransaction.str();
    F.Loc = event(S).At->getBeginLoc();
    F.Message = "slow call to " + quoted(event(S).Callee) +
                " while a lock is held; every request waiting for the lock "
                "waits for this call too";
    if (event(S).Origin)
      F.Notes.push_back({event(S).Origin->getBeginLoc(),
                         "which makes a slow call here"});
    F.Notes.push_back({State.LockAt->getBeginLoc(), "the lock is taken here"});
    Findings.push_back(std::move(F));
  }

  const FunctionDecl *FD;
  ASTContext &Ctx;
  const AnalyzerOptions &Options;
  SqlTextResolver &Resolver;
  FunctionEvents Events;
  std::unique_ptr<CFG> Cfg;
  TransactionFlow Flow;
  std::optional<ReadTaint> Taint;
  std::vector<Position> Positions;
  std::vector<llvm::SmallVector<const CFGBlock *, 2>> Dependences;
  /// Per read: the writes it may decide. Per write: its guards' conditions.
  std::vector<llvm::SmallVector<unsigned, 2>> Candidates;
  std::vector<llvm::SmallVector<const Expr *, 2>> Guards;
  std::vector<unsigned> BlockOrder;
  std::vector<Finding> Findings;
  llvm::SmallSet<int, 4> FixedBegins;
};

} // namespace

namespace {
/// Finds `prepare("name", sql)` and `add(Key::kName, sql)` calls anywhere in
/// the translation unit.
class NamedStatementIndexer : public RecursiveASTVisitor<NamedStatementIndexer> {
public:
  NamedStatementIndexer(const ApiModel &Model, SqlTextResolver &Resolver,
                        llvm::StringMap<std::shared_ptr<const RecoveredSql>> &Out)
      : Model(Model), Resolver(Resolver), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    const Expr *Object = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      Object = MC->getImplicitObjectArgument();
    for (const ApiModel::CallMatch &M : matchingRules(Model, Callee, Object)) {
      const CallRule &Rule = *M.Rule;
      if (Rule.Action != CallAction::Prepare ||
          *Rule.SqlArg >= Call->getNumArgs())
        continue;
      std::string Key = key(Rule, Call, Object);
      if (Key.empty())
        continue;
      auto Sql = std::make_shared<const RecoveredSql>(
          Resolver.resolve(Call->getArg(*Rule.SqlArg), nullptr));
      auto [It, New] = Out.try_emplace(Key, Sql);
      // A field prepared with two texts could run either.
      if (!New && (!It->second || It->second->Text != Sql->Text))
        It->second = nullptr;
    }
    return true;
  }

private:
  /// `name:X` for a statement named by a key (a string, an enumerator);
  /// `decl:P` for a handle kept in a field, which other member functions run.
  std::string key(const CallRule &Rule, const CallExpr *Call,
                  const Expr *Object) {
    if (Rule.StatementArg) {
      if (*Rule.StatementArg >= Call->getNumArgs())
        return "";
      std::string Key =
          statementKey(Call->getArg(*Rule.StatementArg), Resolver);
      return Key.empty() ? "" : "name:" + Key;
    }
    const Expr *Handle = nullptr;
    if (Rule.Result == ResultKind::Object)
      Handle = Object;
    else if (Rule.Result == ResultKind::Argument && !Rule.ResultArgs.empty() &&
             Rule.ResultArgs.front() < Call->getNumArgs())
      Handle = Call->getArg(Rule.ResultArgs.front());
    return statementKeyOf(
        dyn_cast_or_null<FieldDecl>(Handle ? rootDecl(Handle) : nullptr));
  }

  const ApiModel &Model;
  SqlTextResolver &Resolver;
  llvm::StringMap<std::shared_ptr<const RecoveredSql>> &Out;
};
} // namespace

namespace {
/// Finds the calls of `entity_table` rules (`mapClass<Event>("events")`)
/// anywhere in the translation unit: class name to tables.
class EntityTableIndexer : public RecursiveASTVisitor<EntityTableIndexer> {
public:
  EntityTableIndexer(const ApiModel &Model, SqlTextResolver &Resolver,
                     llvm::StringMap<std::vector<std::string>> &Out)
      : Model(Model), Resolver(Resolver), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    const Expr *Object = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      Object = MC->getImplicitObjectArgument();
    for (const ApiModel::CallMatch &M : matchingRules(Model, Callee, Object)) {
      const CallRule &Rule = *M.Rule;
      if (Rule.Action != CallAction::EntityTable ||
          *Rule.TableArg >= Call->getNumArgs())
        continue;
      const Expr *EntityArg =
          Rule.EntityArg && *Rule.EntityArg < Call->getNumArgs()
              ? Call->getArg(*Rule.EntityArg)
              : nullptr;
      const CXXRecordDecl *Class =
          entityClassOf(Rule, Callee, Call, Object, EntityArg);
      if (!Class)
        continue;
      RecoveredSql Table = Resolver.resolve(Call->getArg(*Rule.TableArg), nullptr);
      if (!Table.Known() || !Table.Holes.empty() ||
          llvm::StringRef(Table.Text).trim().empty())
        continue;
      // Unquoted SQL names fold to lower case.
      std::string Name = llvm::StringRef(Table.Text).trim().lower();
      std::vector<std::string> &Tables = Out[qualifiedName(Class)];
      if (!llvm::is_contained(Tables, Name))
        Tables.push_back(std::move(Name));
    }
    return true;
  }

private:
  const ApiModel &Model;
  SqlTextResolver &Resolver;
  llvm::StringMap<std::vector<std::string>> &Out;
};
} // namespace

llvm::ArrayRef<std::string> Analyzer::entityTables(llvm::StringRef Class) {
  if (!EntityTables) {
    EntityTables.emplace();
    // The whole TU is walked only when some rule maps classes to tables.
    bool AnyRule = llvm::any_of(Model.libraries(), [](const LibraryRules &L) {
      return llvm::any_of(L.Calls, [](const CallRule &C) {
        return C.Action == CallAction::EntityTable;
      });
    });
    if (AnyRule)
      EntityTableIndexer(Model, Resolver, *EntityTables).TraverseAST(Ctx);
  }
  auto It = EntityTables->find(Class);
  if (It == EntityTables->end())
    return {};
  return It->second;
}

std::shared_ptr<const RecoveredSql>
Analyzer::namedStatement(llvm::StringRef Name) {
  if (!NamedStatements) {
    NamedStatements.emplace();
    NamedStatementIndexer(Model, Resolver, *NamedStatements).TraverseAST(Ctx);
  }
  auto It = NamedStatements->find(Name);
  return It == NamedStatements->end() ? nullptr : It->second;
}

const std::vector<Finding> &Analyzer::analyze(const FunctionDecl *FD) {
  return compute(FD).Findings;
}

const FunctionSummary *Analyzer::summaryOf(const FunctionDecl *FD) {
  if (!shouldAnalyze(FD, Ctx))
    return nullptr;
  auto It = Results.find(FD);
  if (It != Results.end() && !It->second.Done)
    return nullptr; // Recursion: the caller sees no events of this call.
  const Result &R = compute(FD);
  return R.Summary.Events.empty() ? nullptr : &R.Summary;
}

Analyzer::Result &Analyzer::compute(const FunctionDecl *FD) {
  Result &R = Results[FD];
  if (R.Done || !shouldAnalyze(FD, Ctx))
    return R;
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  R.Summary.Name = Method && Method->getParent()->isLambda()
                       ? "lambda"
                       : qualifiedName(FD);
  auto SummaryOf = [this](const FunctionDecl *Callee) {
    return summaryOf(Callee);
  };
  auto Named = [this](llvm::StringRef Name) { return namedStatement(Name); };
  auto Tables = [this](llvm::StringRef Class) { return entityTables(Class); };
  TranslationUnitFacts Unit{SummaryOf, Named, Tables};
  FunctionEvents Events =
      collectEvents(FD, Ctx, Model, Resolver, Options.Dialect, Unit);
  if (!Events.empty()) {
    FunctionSummary Summary;
    Summary.Name = R.Summary.Name;
    std::vector<Finding> Findings =
        FunctionAnalysis(FD, Ctx, Options, Resolver, std::move(Events))
            .run(Summary);
    const SourceManager &SM = Ctx.getSourceManager();
    llvm::stable_sort(Findings, [&](const Finding &A, const Finding &B) {
      return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
    });
    for (Finding &F : Findings)
      FixLedger.admit(F, Ctx);
    // std::map keeps R in place while helpers were computed above.
    R.Findings = std::move(Findings);
    R.Summary = std::move(Summary);
  }
  R.Done = true;
  return R;
}
