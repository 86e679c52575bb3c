//===--- HelperLockFixes.cpp - A lock in a helper, for all its calls ------===//
//
// A helper's read-check-write on its caller's connection is judged at each
// call. A caller in a transaction is fixed by a lock clause in the helper's
// read, a caller outside one by a transaction around the call and that
// lock; but the clause changes every call: where another call runs the
// helper outside a transaction and no fix opens one there, the lock would
// end with its statement. The clause is then offered to no caller, and the
// findings say who calls the helper how.
//
//===----------------------------------------------------------------------===//

#include "Analyzer.h"
#include "AstNames.h"
#include "SummaryExport.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace dbrace;

namespace {
bool editsInside(const FixPlan &Fix, const FunctionDecl *FD,
                 const SourceManager &SM) {
  SourceRange Body = FD->getSourceRange();
  return llvm::any_of(Fix.Edits, [&](const FixItHint &E) {
    SourceLocation At = SM.getFileLoc(E.RemoveRange.getBegin());
    return SM.isPointWithin(At, SM.getFileLoc(Body.getBegin()),
                            SM.getFileLoc(Body.getEnd()));
  });
}

void addOnce(std::vector<std::string> &Names, std::string Name) {
  if (!llvm::is_contained(Names, Name))
    Names.push_back(std::move(Name));
}
} // namespace

const Analyzer::HelperCallsSeen &Analyzer::callsOf(const FunctionDecl *Helper) {
  if (auto It = HelperCalls.find(Helper); It != HelperCalls.end())
    return It->second;
  HelperCallsSeen Seen;
  llvm::SmallPtrSet<const FunctionDecl *, 4> Passing{Helper};
  addCallsOf(Helper, Helper, Seen, Passing);
  return HelperCalls[Helper] = std::move(Seen);
}

void Analyzer::addCallsOf(
    const FunctionDecl *Callee, const FunctionDecl *Helper,
    HelperCallsSeen &Seen,
    llvm::SmallPtrSetImpl<const FunctionDecl *> &Passing) {
  Seen.OutsideElsewhere |=
      Model.calledElsewhere(functionKey(Callee, Ctx.getSourceManager()));
  auto Callers = index().Callers.find(Callee);
  if (Callers == Index->Callers.end())
    return;
  for (const FunctionDecl *Caller : Callers->second) {
    const Result &R = compute(Caller);
    for (const Fact &F : R.Facts) {
      const auto *P = std::get_if<RacePair>(&F);
      if (!P || P->JudgedHelper != Helper)
        continue;
      bool InTransaction =
          P->Relation == TransactionRelation::SameTransaction ||
          !P->Fix.Edits.empty();
      addOnce(InTransaction ? Seen.InTransaction : Seen.Outside,
              qualifiedName(Caller));
    }
    bool PassesOn = llvm::any_of(R.Summary.Events, [&](const SummaryEvent &S) {
      return S.DecidesOwnWrites && S.Decider == Helper;
    });
    if (PassesOn && Passing.insert(Caller).second)
      addCallsOf(Caller, Helper, Seen, Passing);
  }
}

void Analyzer::settleHelperLocks(Result &R) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (Fact &F : R.Facts) {
    auto *P = std::get_if<RacePair>(&F);
    if (!P || !P->JudgedHelper || P->Protected != Protection::None ||
        !editsInside(P->Fix, P->JudgedHelper, SM))
      continue;
    const HelperCallsSeen &Calls = callsOf(P->JudgedHelper);
    if (Calls.Outside.empty() && !Calls.OutsideElsewhere)
      continue;
    FixAdvice A;
    A.What = FixAdvice::Kind::LockingVariant;
    A.Helper = qualifiedName(P->JudgedHelper);
    A.InTransaction = Calls.InTransaction;
    A.Outside = Calls.Outside;
    A.OutsideElsewhere = Calls.OutsideElsewhere;
    P->Fix = FixPlan();
    P->Fix.Advice = std::move(A);
  }
}
