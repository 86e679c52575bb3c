//===--- Facts.cpp - What the analysis finds in one function --------------===//

#include "Facts.h"
#include "llvm/ADT/STLExtras.h"

using namespace dbrace;

clang::SourceLocation dbrace::locationOf(const Fact &F) {
  return std::visit(
      llvm::makeVisitor([](const RacePair &P) { return P.Read; },
                        [](const LockInAutocommit &L) { return L.At; },
                        [](const SlowCallUnderLock &S) { return S.At; }),
      F);
}

std::vector<clang::FixItHint> *dbrace::editsOf(Fact &F) {
  if (auto *P = std::get_if<RacePair>(&F))
    return &P->Fix.Edits;
  return nullptr;
}

bool dbrace::locksRows(sqlfacts::LockStrength L) {
  return L == sqlfacts::LockStrength::ForShare ||
         L == sqlfacts::LockStrength::ForNoKeyUpdate ||
         L == sqlfacts::LockStrength::ForUpdate;
}
