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
  bool Same = P && P->Relation == TransactionRelation::SameTransaction;
  if (!P || P->Protected != ::dbrace::Protection::None ||
      P->Shape == ::dbrace::WriteShape::Insert ||
      (::dbrace::locksRows(P->ReadLock) && !Same))
    return;
  if (Same && P->ReadLock != ::dbrace::sqlfacts::LockStrength::None) {
    diagnoseSharedLock(*P);
    return;
  }
  if (Same)
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

/// A read under a lock that two requests can hold at once.
void UnlockedReadUpdateCheck::diagnoseSharedLock(const RacePair &P) {
  bool KeyShare = P.ReadLock == ::dbrace::sqlfacts::LockStrength::ForKeyShare;
  addEdits(diag(P.Read, "'%0' is read with '%1' and then written based on "
                        "the value; %select{a concurrent request can take "
                        "the same shared lock and read the same value, and "
                        "then one of the two writes fails on a "
                        "deadlock|that lock does not block an update of the "
                        "row, so a concurrent request can change it before "
                        "this one writes}2")
               << P.Entity << ::dbrace::sqlfacts::lockName(P.ReadLock)
               << KeyShare,
           P.Fix);
  noteRace(*this, P);
  diag(P.Read,
       "lock the row with 'FOR UPDATE' instead, so that a "
       "concurrent request waits for this one to end",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::dbrace
