//===--- CheckThenInsertCheck.cpp - dbrace-check-then-insert --------------===//

#include "CheckThenInsertCheck.h"
#include "RaceNotes.h"

namespace clang::tidy::dbrace {

using ::dbrace::RacePair;

CheckThenInsertCheck::CheckThenInsertCheck(StringRef Name,
                                           ClangTidyContext *Ctx)
    : DbraceCheck(Name, Ctx,
                  EntityMatchingOption | AssumeSerializableOption) {}

/// A check of a table that decides an insert into it: no row lock covers a
/// row that is not there yet.
void CheckThenInsertCheck::diagnose(const ::dbrace::Fact &F) {
  const auto *P = std::get_if<RacePair>(&F);
  if (!P || P->Protected != ::dbrace::Protection::None ||
      P->Shape != ::dbrace::WriteShape::Insert)
    return;
  addEdits(diag(P->Read, "check of '%0' decides an insert into it; a "
                         "concurrent request can pass the same check before "
                         "this one inserts, and no row lock covers a row "
                         "that does not exist yet")
               << P->Entity,
           P->Fix);
  noteRace(*this, *P);
  diag(P->Write,
       "a unique constraint with 'ON CONFLICT DO NOTHING' or 'INSERT OR "
       "IGNORE' and a check of the affected rows, or locking the parent row "
       "before the check, makes this safe",
       DiagnosticIDs::Note);
  noteFixAdvice(*this, *P);
}

} // namespace clang::tidy::dbrace
