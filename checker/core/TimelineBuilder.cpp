//===--- TimelineBuilder.cpp - The timeline of each fact of a function ----===//

#include "TimelineBuilder.h"
#include "sql/Rechecks.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include <atomic>

using namespace clang;

namespace dbrace::timeline {

namespace {
std::atomic<Sink *> TheSink{nullptr};

/// Runs of blanks (line breaks of a call written over several lines) as one
/// space.
std::string oneLine(llvm::StringRef Text) {
  std::string Out;
  bool Blank = false;
  for (char C : Text.trim()) {
    if (llvm::isSpace(C)) {
      Blank = true;
      continue;
    }
    if (Blank)
      Out += ' ';
    Blank = false;
    Out += C;
  }
  return Out;
}

/// The number after `$` at \p I of \p Text, or 0.
unsigned placeholderAt(llvm::StringRef Text, size_t I, size_t &Digits) {
  Digits = 0;
  unsigned N = 0;
  while (I + 1 + Digits < Text.size() && llvm::isDigit(Text[I + 1 + Digits]))
    N = N * 10 + (Text[I + 1 + Digits++] - '0');
  return N;
}
} // namespace

void setSink(Sink *S) { TheSink = S; }
Sink *sink() { return TheSink; }

std::string displaySql(const RecoveredSql &Sql) {
  llvm::StringRef Text = Sql.Text;
  unsigned Own = 0;
  size_t Digits = 0;
  for (size_t I = Text.find('$'); I != llvm::StringRef::npos;
       I = Text.find('$', I + 1))
    if (unsigned N = placeholderAt(Text, I, Digits); N < FirstHoleParam)
      Own = std::max(Own, N);
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    unsigned N = Text[I] == '$' ? placeholderAt(Text, I, Digits) : 0;
    if (N < FirstHoleParam) {
      Out += Text[I];
      continue;
    }
    Out += "$" + std::to_string(N - FirstHoleParam + Own + 1);
    I += Digits;
  }
  return oneLine(Out);
}

std::string Builder::text(SourceRange Range) const {
  CharSourceRange Chars = CharSourceRange::getTokenRange(
      SM.getFileLoc(Range.getBegin()), SM.getFileLoc(Range.getEnd()));
  return oneLine(Lexer::getSourceText(Chars, SM, S.Ctx.getLangOpts()).str());
}

std::string Builder::codeOf(const Stmt *At) const {
  if (isa<CXXConstructExpr>(At))
    for (const DynTypedNode &P : S.Ctx.getParents(*At))
      if (const auto *V = P.get<VarDecl>())
        return text(V->getSourceRange());
  return text(At->getSourceRange());
}

/// Whether \p Guard, the condition of an `if`, is true or false where
/// \p Write runs: in its then or else branch, or after a then branch that
/// always leaves (`if (!found) return;`).
std::optional<bool> Builder::holdsOnTheWay(const Expr *Guard,
                                           const Stmt *Write) const {
  const IfStmt *If = nullptr;
  for (const DynTypedNode &P : S.Ctx.getParents(*Guard))
    If = P.get<IfStmt>();
  if (!If || If->getCond() != Guard || !Write)
    return std::nullopt;
  auto Inside = [&](const Stmt *Branch) {
    return Branch &&
           !SM.isBeforeInTranslationUnit(Write->getBeginLoc(),
                                         Branch->getBeginLoc()) &&
           !SM.isBeforeInTranslationUnit(Branch->getEndLoc(),
                                         Write->getBeginLoc());
  };
  if (Inside(If->getThen()))
    return true;
  if (Inside(If->getElse()))
    return false;
  const Stmt *Then = If->getThen();
  if (const auto *Block = dyn_cast<CompoundStmt>(Then); Block && Block->size())
    Then = Block->body_back();
  if (!If->getElse() &&
      isa<ReturnStmt, ContinueStmt, BreakStmt, CXXThrowExpr>(Then))
    return false;
  return std::nullopt;
}

std::optional<unsigned> Builder::eventAt(const Stmt *At) const {
  auto It = S.Events.ByStmt.find(At);
  if (!At || It == S.Events.ByStmt.end() || It->second.empty())
    return std::nullopt;
  return It->second.front();
}

/// The variables a read's result goes to: those it fills, or the one its
/// value initialises or is assigned to.
std::string Builder::valuesOf(const DbEvent &E) const {
  llvm::SmallVector<std::string, 2> Names;
  for (const ValueDecl *D : E.ResultDecls)
    Names.push_back(D->getNameAsString());
  if (!Names.empty() || !E.At)
    return llvm::join(Names, ", ");
  // Up through the expression the call is part of (`exec(...)[0].as<int>()`)
  // to the variable it initialises or is assigned to.
  DynTypedNode Node = DynTypedNode::create(*E.At);
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    DynTypedNodeList Parents = S.Ctx.getParents(Node);
    if (Parents.empty())
      break;
    Node = Parents[0];
    if (const auto *V = Node.get<VarDecl>())
      return V->getNameAsString();
    if (const auto *B = Node.get<BinaryOperator>(); B && B->isAssignmentOp())
      return text(B->getLHS()->getSourceRange());
    if (!Node.get<Expr>())
      break;
  }
  return "";
}

Step Builder::eventStep(Request Who, StepKind Kind, unsigned I) const {
  const DbEvent &E = S.Events.Events[I];
  Step Out;
  Out.Who = Who;
  Out.Kind = Kind;
  if (!E.At)
    return Out;
  Out.At = trace::placeOf(E.At->getBeginLoc(), SM);
  std::shared_ptr<const RecoveredSql> Sql = E.Sql;
  if (E.Origin) {
    Out.Helper = E.OriginFunction;
    Out.InHelper = trace::placeOf(E.Origin->getBeginLoc(), SM);
    if (!Sql)
      Sql = S.Sqls.lookup(E.Origin);
  }
  if (Sql && Sql->Known())
    Out.Sql = displaySql(*Sql);
  else
    Out.Code = codeOf(E.At);
  if (Kind == StepKind::Read)
    Out.Values = valuesOf(E);
  return Out;
}

Step Builder::beginStep(Request Who, const ConnectionState &State) const {
  Step Out;
  Out.Who = Who;
  Out.Kind = StepKind::Begin;
  if (State.Tx == TxCaller) {
    Out.CallerTransaction = true;
    return Out;
  }
  if (std::optional<unsigned> I = eventAt(State.BeginAt)) {
    Out = eventStep(Who, StepKind::Begin, *I);
    Out.Values.clear();
  } else if (State.BeginAt) {
    Out.At = trace::placeOf(State.BeginAt->getBeginLoc(), SM);
    Out.Code = codeOf(State.BeginAt);
  }
  return Out;
}

std::optional<Step> Builder::commitStep(Request Who, unsigned After,
                                        const ConnectionState &State) const {
  Step Out;
  Out.Who = Who;
  Out.Kind = StepKind::Commit;
  if (State.Tx == TxCaller) {
    Out.CallerTransaction = true;
    return Out;
  }
  if (State.Tx < 0)
    return std::nullopt;
  for (unsigned I = After + 1; I < S.Events.Events.size(); ++I)
    if (S.Events.Events[I].Kind == EventKind::End && S.Flow.Reached[I] &&
        S.Flow.Before[I].Tx == State.Tx)
      return eventStep(Who, StepKind::Commit, I);
  // A RAII transaction ends where the scope of its variable does.
  for (const auto &[Var, Begin] : S.Events.RaiiBegins) {
    if (static_cast<int>(Begin) != State.Tx)
      continue;
    for (const DynTypedNode &P : S.Ctx.getParents(*Var))
      if (const auto *Decl = P.get<DeclStmt>())
        for (const DynTypedNode &Block : S.Ctx.getParents(*Decl))
          if (const auto *CS = Block.get<CompoundStmt>()) {
            Out.At = trace::placeOf(CS->getRBracLoc(), SM);
            Out.ScopeEnd = true;
            return Out;
          }
  }
  return std::nullopt;
}

void Builder::addCheckAndWrite(Timeline &T, Request Who, unsigned W,
                               const Expr *Guard) const {
  if (Guard) {
    Step Check;
    Check.Who = Who;
    Check.Kind = StepKind::Check;
    Check.At = trace::placeOf(Guard->getBeginLoc(), SM);
    Check.Condition = text(Guard->getSourceRange());
    Check.Holds = holdsOnTheWay(Guard, S.Events.Events[W].At);
    T.Steps.push_back(std::move(Check));
  }
  T.Steps.push_back(eventStep(Who, StepKind::Write, W));
}

Timeline Builder::start(FactKind Kind, SourceLocation Reported) const {
  Timeline T;
  T.Kind = Kind;
  T.Reported = trace::placeOf(Reported, SM);
  T.FunctionBegin = trace::placeOf(S.FD->getBeginLoc(), SM);
  T.FunctionEnd = trace::placeOf(S.FD->getEndLoc(), SM);
  T.Function = S.FD->getQualifiedNameAsString();
  return T;
}

Timeline Builder::race(unsigned R, unsigned W, const Expr *Guard,
                       const RacePair &P) const {
  Timeline T = start(FactKind::Race, P.Read);
  T.Write = trace::placeOf(P.Write, SM);
  T.Written = P.Shape;
  T.Consumed = !Guard;
  T.Table = P.Entity;
  const ConnectionState &WS = S.Flow.Before[W];
  bool InTx = WS.inTransaction();
  if (locksRows(P.ReadLock) && !S.Flow.Before[R].inTransaction())
    T.Form = Shape::LockEnds;
  else if (P.Relation == TransactionRelation::SameTransaction)
    T.Form = Shape::SameTransaction;
  else if (P.Relation == TransactionRelation::None)
    T.Form = Shape::NoTransaction;
  else
    T.Form = Shape::ReadOutside;
  bool BeginFirst = InTx && (T.Form == Shape::SameTransaction ||
                             T.Form == Shape::NoTransaction);
  for (Request Who : {Request::A, Request::B}) {
    if (BeginFirst)
      T.Steps.push_back(beginStep(Who, WS));
    T.Steps.push_back(eventStep(Who, StepKind::Read, R));
    if (T.Form == Shape::LockEnds)
      T.Steps.push_back(eventStep(Who, StepKind::LockEnds, R));
  }
  for (Request Who : {Request::A, Request::B}) {
    if (InTx && !BeginFirst)
      T.Steps.push_back(beginStep(Who, WS));
    addCheckAndWrite(T, Who, W, Guard);
    if (Who == Request::A)
      if (std::optional<Step> Commit = commitStep(Who, W, WS))
        T.Steps.push_back(std::move(*Commit));
  }
  Step Outcome;
  Outcome.Who = Request::B;
  Outcome.Kind = StepKind::Outcome;
  T.Steps.push_back(Outcome);
  // With the fix, B waits at the locking read (an insert: at its write,
  // behind A's unique key or the parent's lock).
  T.Fixed.push_back(P.Shape == WriteShape::Insert
                        ? eventStep(Request::B, StepKind::Waits, W)
                        : eventStep(Request::B, StepKind::Waits, R));
  return T;
}

std::optional<unsigned> Builder::nextWrite(unsigned After,
                                           const DbEvent &Of) const {
  for (unsigned I = After + 1; I < S.Events.Events.size(); ++I) {
    const DbEvent &E = S.Events.Events[I];
    if (E.Kind != EventKind::Write || !E.At || !S.Flow.Reached[I] ||
        E.Connection != Of.Connection)
      continue;
    if (Of.Tables.empty() || llvm::any_of(E.Tables, [&](const std::string &T) {
          return llvm::any_of(Of.Tables, [&](const std::string &U) {
            return sqlfacts::sameTable(T, U);
          });
        }))
      return I;
  }
  return std::nullopt;
}

Timeline Builder::lockInAutocommit(unsigned L,
                                   const LockInAutocommit &F) const {
  Timeline T = start(FactKind::LockInAutocommit, F.At);
  T.Form = Shape::LockEnds;
  T.Table = F.Name;
  const DbEvent &Lock = S.Events.Events[L];
  StepKind Taken =
      Lock.Kind == EventKind::Read ? StepKind::Read : StepKind::Lock;
  std::optional<unsigned> W = nextWrite(L, Lock);
  for (Request Who : {Request::A, Request::B}) {
    T.Steps.push_back(eventStep(Who, Taken, L));
    T.Steps.push_back(eventStep(Who, StepKind::LockEnds, L));
  }
  if (W) {
    T.Write = trace::placeOf(S.Events.Events[*W].At->getBeginLoc(), SM);
    T.Written = S.Events.Events[*W].WriteKind == sqlfacts::StatementKind::Delete
                    ? WriteShape::Delete
                    : WriteShape::Update;
    T.Steps.push_back(eventStep(Request::A, StepKind::Write, *W));
    T.Steps.push_back(eventStep(Request::B, StepKind::Write, *W));
  }
  Step Outcome;
  Outcome.Who = Request::B;
  Outcome.Kind = StepKind::Outcome;
  T.Steps.push_back(Outcome);
  T.Fixed.push_back(eventStep(Request::B, StepKind::Waits, L));
  return T;
}

Timeline Builder::slowCall(unsigned Slow, const SlowCallUnderLock &F) const {
  Timeline T = start(FactKind::SlowCall, F.At);
  T.Form = Shape::SlowCall;
  const ConnectionState &State = S.Flow.Before[Slow];
  std::optional<unsigned> Lock = eventAt(State.LockAt);
  auto LockStep = [&](Request Who, StepKind Kind) {
    if (Lock)
      return eventStep(Who, Kind, *Lock);
    Step Out;
    Out.Who = Who;
    Out.Kind = Kind;
    Out.At = trace::placeOf(F.LockAt, SM);
    Out.Code = text(State.LockAt->getSourceRange());
    return Out;
  };
  if (Lock)
    T.Table = llvm::join(S.Events.Events[*Lock].Tables, ", ");
  T.Steps.push_back(beginStep(Request::A, State));
  T.Steps.push_back(LockStep(Request::A, StepKind::Lock));
  T.Steps.push_back(beginStep(Request::B, State));
  T.Steps.push_back(LockStep(Request::B, StepKind::Waits));
  Step Call = eventStep(Request::A, StepKind::Slow, Slow);
  Call.Code = F.Callee;
  T.Steps.push_back(std::move(Call));
  if (std::optional<Step> Commit = commitStep(Request::A, Slow, State))
    T.Steps.push_back(std::move(*Commit));
  T.Steps.push_back(LockStep(Request::B, StepKind::Lock));
  Step Outcome;
  Outcome.Who = Request::B;
  Outcome.Kind = StepKind::Outcome;
  T.Steps.push_back(Outcome);
  T.Fixed.push_back(LockStep(Request::B, StepKind::Waits));
  return T;
}

} // namespace dbrace::timeline
