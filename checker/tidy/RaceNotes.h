//===--- RaceNotes.h - The notes of a read-check-write warning ------------===//
//
// The four checks of read-check-write races point at the same places: the
// read in a helper, the check of its value or the write it feeds, the write
// and its transaction, and the advice that stands in for a fix-it.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TIDY_RACENOTES_H
#define DBRACE_TIDY_RACENOTES_H

#include "Facts.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::dbrace {

/// Where the value is read (in a helper), checked or used, and written.
void noteRace(ClangTidyCheck &Check, const ::dbrace::RacePair &P);

/// What to write where no fix-it is offered, and what stopped the fix-it.
void noteFixAdvice(ClangTidyCheck &Check, const ::dbrace::RacePair &P);

/// The note on a locking read or a value read inside a helper.
void noteReadInHelper(ClangTidyCheck &Check,
                      const std::optional<::dbrace::InHelper> &In);

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_RACENOTES_H
