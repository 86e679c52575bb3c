//===--- LockWithoutTransactionCheck.cpp - dbrace-lock-without-transaction ===//

#include "LockWithoutTransactionCheck.h"
#include "RaceNotes.h"

namespace clang::tidy::dbrace {

using ::dbrace::LockInAutocommit;
using ::dbrace::RacePair;
using ::dbrace::TransactionRelation;

LockWithoutTransactionCheck::LockWithoutTransactionCheck(StringRef Name,
                                                         ClangTidyContext *Ctx)
    : DbraceCheck(Name, Ctx,
                  EntityMatchingOption | AssumeSerializableOption |
                      IncludeStyleOption) {}

namespace {
constexpr llvm::StringLiteral Released =
    " runs outside a transaction, so the lock is released as soon as the "
    "statement ends";
} // namespace

void LockWithoutTransactionCheck::diagnose(const ::dbrace::Fact &F) {
  if (const auto *L = std::get_if<LockInAutocommit>(&F)) {
    switch (L->What) {
    case LockInAutocommit::Kind::Row:
      diag(L->At, ("'%0' on '%1'" + Released).str())
          << ::dbrace::sqlfacts::lockName(L->Strength) << L->Name;
      noteReadInHelper(*this, L->In);
      return;
    case LockInAutocommit::Kind::Table:
      diag(L->At, ("'LOCK TABLE'" + Released).str());
      return;
    case LockInAutocommit::Kind::Advisory:
      diag(L->At, ("'%0'" + Released).str())
          << (L->Name.empty() ? "advisory lock" : L->Name);
      return;
    }
  }
  // A locking read before any transaction, whose value decides a write.
  const auto *P = std::get_if<RacePair>(&F);
  if (!P || P->Protected != ::dbrace::Protection::None ||
      P->Shape == ::dbrace::WriteShape::Insert ||
      !::dbrace::locksRows(P->ReadLock) ||
      (P->Relation != TransactionRelation::None &&
       P->Relation != TransactionRelation::ReadBeforeBegin))
    return;
  addEdits(diag(P->Read, ("'%0' on '%1'" + Released).str())
               << ::dbrace::sqlfacts::lockName(P->ReadLock) << P->ReadEntity,
           P->Fix);
  noteRace(*this, *P);
  noteFixAdvice(*this, *P);
}

} // namespace clang::tidy::dbrace
