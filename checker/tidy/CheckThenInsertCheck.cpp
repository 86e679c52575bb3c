//===--- CheckThenInsertCheck.cpp - dbrace-check-then-insert --------------===//

#include "CheckThenInsertCheck.h"
#include "RaceNotes.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::dbrace {

using ::dbrace::RacePair;

CheckThenInsertCheck::CheckThenInsertCheck(StringRef Name,
                                           ClangTidyContext *Ctx)
    : DbraceCheck(Name, Ctx,
                  EntityMatchingOption | AssumeSerializableOption |
                      IncludeStyleOption) {}

namespace {
/// The insert forms that defer to a unique constraint in dialect \p D.
StringRef conflictClauses(::dbrace::sqlfacts::Dialect D) {
  switch (D) {
  case ::dbrace::sqlfacts::Dialect::PostgreSQL:
    return "'ON CONFLICT DO NOTHING'";
  case ::dbrace::sqlfacts::Dialect::MySQL:
    return "'INSERT IGNORE' or 'ON DUPLICATE KEY UPDATE'";
  case ::dbrace::sqlfacts::Dialect::SQLite:
    return "'INSERT OR IGNORE' or 'ON CONFLICT DO NOTHING'";
  }
  return "";
}

/// The one statement that inserts or updates in dialect \p D.
StringRef upsertStatement(::dbrace::sqlfacts::Dialect D) {
  return D == ::dbrace::sqlfacts::Dialect::MySQL
             ? "'INSERT ... ON DUPLICATE KEY UPDATE'"
             : "'INSERT ... ON CONFLICT (...) DO UPDATE'";
}

/// The lock that serialises the check: SQLite has no row locks; its
/// immediate transaction locks the database.
StringRef lockBeforeCheck(::dbrace::sqlfacts::Dialect D) {
  return D == ::dbrace::sqlfacts::Dialect::SQLite
             ? "'BEGIN IMMEDIATE' before the check"
             : "locking the parent row before the check";
}
} // namespace

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
  if (P->UpsertByHand)
    diag(P->Write,
         "the read updates the row it finds and inserts one "
         "otherwise: with a unique constraint on the columns it "
         "looks up, %0 does both in one statement",
         DiagnosticIDs::Note)
        << upsertStatement(P->WriteDialect);
  else if (!P->UniqueKey.empty())
    diag(P->Write,
         "the schema's unique key on '%0' (%1) makes this insert fail under "
         "a race rather than duplicate the row: handle the unique "
         "violation, or insert with %2 and check the affected rows",
         DiagnosticIDs::Note)
        << P->WriteEntity << llvm::join(P->UniqueKey, ", ")
        << conflictClauses(P->WriteDialect);
  else
    diag(P->Write,
         "a unique constraint with %0 and a check of the affected "
         "rows, or %1, makes this safe",
         DiagnosticIDs::Note)
        << conflictClauses(P->WriteDialect) << lockBeforeCheck(P->WriteDialect);
  noteFixAdvice(*this, *P);
}

} // namespace clang::tidy::dbrace
