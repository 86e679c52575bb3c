//===--- ReadOutsideTransactionCheck.cpp - dbrace-read-outside-transaction ===//

#include "ReadOutsideTransactionCheck.h"
#include "RaceNotes.h"

namespace clang::tidy::dbrace {

using ::dbrace::RacePair;
using ::dbrace::TransactionRelation;

ReadOutsideTransactionCheck::ReadOutsideTransactionCheck(StringRef Name,
                                                         ClangTidyContext *Ctx)
    : DbraceCheck(Name, Ctx,
                  EntityMatchingOption | AssumeSerializableOption |
                      LockClauseOption | IncludeStyleOption) {}

namespace {
/// The index in `%select{before ...|in an earlier ...|in a ... that ends}`;
/// none for the relations other checks own.
std::optional<unsigned> when(TransactionRelation R) {
  switch (R) {
  case TransactionRelation::ReadBeforeBegin:
    return 0;
  case TransactionRelation::ReadInEarlierTransaction:
    return 1;
  case TransactionRelation::ReadInEndedTransaction:
    return 2;
  default:
    return std::nullopt;
  }
}
} // namespace

/// A read and an update or delete of the same rows in different
/// transactions, or the read's ended before the write.
void ReadOutsideTransactionCheck::diagnose(const ::dbrace::Fact &F) {
  const auto *P = std::get_if<RacePair>(&F);
  if (!P || P->Protected != ::dbrace::Protection::None ||
      P->Shape == ::dbrace::WriteShape::Insert)
    return;
  std::optional<unsigned> When = when(P->Relation);
  bool Locked = ::dbrace::locksRows(P->ReadLock);
  // A lock taken before any transaction began is
  // dbrace-lock-without-transaction's.
  if (!When || (Locked && *When == 0))
    return;
  if (Locked)
    addEdits(diag(P->Read, "'%0' is read and locked %select{|in an earlier "
                           "transaction than the one that writes it|in a "
                           "transaction that ends before the write}1; the "
                           "lock is gone by the write")
                 << P->Entity << *When,
             P->Fix);
  else
    addEdits(diag(P->Read, "'%0' is read %select{before the transaction that "
                           "writes it begins|in an earlier transaction than "
                           "the one that writes it|in a transaction that ends "
                           "before the write}1; a concurrent request can "
                           "change it in between")
                 << P->Entity << *When,
             P->Fix);
  noteRace(*this, *P);
  noteFixAdvice(*this, *P);
}

} // namespace clang::tidy::dbrace
