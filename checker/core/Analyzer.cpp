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
    return std::move(Facts);
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
            (!locksRows(E.Lock) || S.OwnTransaction))
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

  /// The read's pairs with the writes it decides, in event order, up to
  /// the first one nothing protects: a read is reported once.
  void checkRead(unsigned R) {
    const DbEvent &Read = event(R);
    for (unsigned W : Candidates[R]) {
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
      Facts.push_back(pairOf(R, W, *Table, Guard));
      if (std::get<RacePair>(Facts.back()).Protected == Protection::None)
        return;
    }
    if (Read.Lock != sqlfacts::LockStrength::None &&
        before(R).Tx == TxAutocommit) {
      LockInAutocommit L;
      L.At = Read.At->getBeginLoc();
      L.In = helperPlace(Read);
      L.Strength = Read.Lock;
      L.Name = firstTable(Read);
      Facts.push_back(std::move(L));
    }
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

  /// The race between read \p R and write \p W: where, how their
  /// transactions relate, what protects it, and when nothing does, its fix.
  RacePair pairOf(unsigned R, unsigned W, const std::string &Table,
                  const Expr *Guard) {
    const DbEvent &Read = event(R), &Write = event(W);
    RacePair P;
    P.Read = Read.At->getBeginLoc();
    P.ReadIn = helperPlace(Read);
    if (Guard)
      P.Check = Guard->getBeginLoc();
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
    P.WriteDialect = dialectOf(Write);
    P.Protected = protectionOf(R, W, Guard);
    if (P.Protected == Protection::None)
      P.Fix = planFix(R, W, P);
    return P;
  }

  static TransactionRelation relationOf(const SlotState &RS,
                                        const SlotState &WS) {
    if (sameTransaction(RS, WS))
      return TransactionRelation::SameTransaction;
    if (RS.Tx >= 0)
      return WS.inTransaction() ? TransactionRelation::ReadInEarlierTransaction
                                : TransactionRelation::ReadInEndedTransaction;
    return WS.inTransaction() ? TransactionRelation::ReadBeforeBegin
                              : TransactionRelation::None;
  }

  /// What keeps the write from losing a concurrent one, or None.
  Protection protectionOf(unsigned R, unsigned W, const Expr *Guard) const {
    const DbEvent &Read = event(R), &Write = event(W);
    const SlotState &RS = before(R), &WS = before(W);
    bool Same = sameTransaction(RS, WS);
    if (RS.SessionLockAt && RS.SessionLockAt == WS.SessionLockAt)
      return Protection::SessionLock;
    if (Write.WriteKind == sqlfacts::StatementKind::Upsert && Guard)
      return Protection::ConflictClause;
    if (Write.WriteKind == sqlfacts::StatementKind::Insert) {
      if (!Guard)
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
    if (Write.Facts && !Write.Facts->GuardColumns.empty() && Write.ResultUsed)
      return Protection::ConditionalWrite;
    if (Write.Versioned)
      return Protection::VersionedWrite;
    if (Same && serializable(RS, Write, Read))
      return Protection::Serializable;
    if (locksRows(Read.Lock)) {
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
                 (RS.Tx >= 0 && isAlone(WS)) || (isAlone(RS) && isAlone(WS));
    return Known ? Protection::None : Protection::TransactionUnknown;
  }

  /// Edits that make the pair safe with the library's own means: lock the
  /// read, begin the transaction before it, or open one around both.
  FixPlan planFix(unsigned R, unsigned W, const RacePair &P) {
    const SlotState &RS = before(R), &WS = before(W);
    using TR = TransactionRelation;
    if (P.Shape == WriteShape::Insert)
      return planOf(P.Relation == TR::SameTransaction ? immediateBeginFix(RS)
                                                      : fixes::FixOrNote());
    if (locksRows(P.ReadLock)) {
      // The lock outlives the statement only in a transaction that also
      // runs the write.
      if ((P.Relation == TR::None || P.Relation == TR::ReadBeforeBegin) &&
          isAlone(WS))
        return planOf(fixes::openTransaction(fixSite(), event(R), event(W), {}));
      return {};
    }
    switch (P.Relation) {
    case TR::SameTransaction:
      return planOf(lockFix(R, RS));
    case TR::ReadBeforeBegin:
      return planOf(moveBeginFix(R, WS));
    case TR::None:
      return planOf(openTransactionFix(R, W));
    default:
      return {};
    }
  }

  static FixPlan planOf(fixes::FixOrNote Fix) {
    FixPlan Plan;
    Plan.Edits = std::move(Fix.Fixes);
    if (!Plan.Edits.empty())
      Plan.Headers = std::move(Fix.Headers);
    else if (Fix.Advice.What != FixAdvice::Kind::None) {
      Plan.Advice = std::move(Fix.Advice);
      Plan.Blockers = std::move(Fix.MoreNotes);
    }
    return Plan;
  }

  /// Statements run each in a transaction of their own.
  static bool isAlone(const SlotState &S) {
    return S.Tx == TxNone || S.Tx == TxAutocommit;
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

  void checkSlowCall(unsigned S) {
    const SlotState &State = before(S);
    if (!State.inTransaction() || !State.LockAt)
      return;
    SlowCallUnderLock F;
    F.At = event(S).At->getBeginLoc();
    if (event(S).Origin)
      F.InHelper = event(S).Origin->getBeginLoc();
    F.Callee = event(S).Callee;
    F.LockAt = State.LockAt->getBeginLoc();
    Facts.push_back(std::move(F));
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
  std::vector<Fact> Facts;
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

const std::vector<Fact> &Analyzer::analyze(const FunctionDecl *FD) {
  return compute(FD).Facts;
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
    std::vector<Fact> Facts =
        FunctionAnalysis(FD, Ctx, Options, Resolver, std::move(Events))
            .run(Summary);
    const SourceManager &SM = Ctx.getSourceManager();
    llvm::stable_sort(Facts, [&](const Fact &A, const Fact &B) {
      return SM.isBeforeInTranslationUnit(locationOf(A), locationOf(B));
    });
    for (Fact &F : Facts)
      if (std::vector<FixItHint> *Edits = editsOf(F))
        FixLedger.admit(*Edits, Ctx);
    // std::map keeps R in place while helpers were computed above.
    R.Facts = std::move(Facts);
    R.Summary = std::move(Summary);
  }
  R.Done = true;
  return R;
}
