//===--- UnlockedReadUpdateCheck.cpp - dbrace-unlocked-read-update --------===//

#include "UnlockedReadUpdateCheck.h"
#include "RaceNotes.h"

namespace clang::tidy::dbrace {

using ::dbrace::RacePair;
using ::dbrace::TransactionRelation;

UnlockedReadUpdateCheck::UnlockedReadUpdateCheck(StringRef Name,
                                                 ClangTidyContext *Ctx)
    : DbraceCheck(Name, Ctx,
                  EntityMatchingOption | AssumeSerializableOption |
                      LockClauseOption | IncludeStyleOption) {}

/// An unlocked read and an update or delete both in one transaction, or
/// both with none; the other relations are dbrace-read-outside-transaction's.
void UnlockedReadUpdateCheck::diagnose(const ::dbrace::Fact &F) {
  const auto *P = std::get_if<RacePair>(&F);
  if (!P || P->Protected != ::dbrace::Protection::None ||
      P->Shape == ::dbrace::WriteShape::Insert ||
      ::dbrace::locksRows(P->ReadLock))
    return;
  if (P->Relation == TransactionRelation::SameTransaction)
    addEdits(diag(P->Read, "'%0' is read without a lock and then written "
                           "based on the value; the transaction alone does "
                           "not stop a concurrent request from reading the "
                           "same value")
                 << P->Entity,
             P->Fix);
  else if (P->Relation == TransactionRelation::None)
    addEdits(diag(P->Read, "'%0' is read without a transaction or lock and "
                           "then written based on the value; a concurrent "
                           "request can read the same value before this one "
                           "writes")
                 << P->Entity,
             P->Fix);
  else
    return;
  noteRace(*this, *P);
  noteFixAdvice(*this, *P);
}

} // namespace clang::tidy::dbrace
