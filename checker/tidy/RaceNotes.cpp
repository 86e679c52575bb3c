//===--- RaceNotes.cpp - The notes of a read-check-write warning ----------===//

#include "RaceNotes.h"

namespace clang::tidy::dbrace {

using ::dbrace::RacePair;
using ::dbrace::WriteShape;

namespace {
/// The index of the verb in `%select{inserted into|deleted from|updated}`.
unsigned writeVerb(WriteShape S) {
  switch (S) {
  case WriteShape::Insert:
  case WriteShape::Upsert:
    return 0;
  case WriteShape::Delete:
    return 1;
  case WriteShape::Update:
    return 2;
  }
  return 2;
}
/// `'a', 'b' and 2 more`: a few names, enough to find the others.
std::string quotedList(llvm::ArrayRef<std::string> Names) {
  constexpr size_t Shown = 3;
  std::string Out;
  for (size_t I = 0; I < Names.size() && I < Shown; ++I)
    Out += (I ? ", '" : "'") + Names[I] + "'";
  if (Names.size() > Shown)
    Out += " and " + std::to_string(Names.size() - Shown) + " more";
  return Out;
}
} // namespace

void noteReadInHelper(ClangTidyCheck &Check,
                      const std::optional<::dbrace::InHelper> &In) {
  if (In)
    Check.diag(In->Loc, "the value is read here, in '%0'", DiagnosticIDs::Note)
        << In->Function;
}

void noteRace(ClangTidyCheck &Check, const RacePair &P) {
  noteReadInHelper(Check, P.ReadIn);
  if (P.Check.isValid())
    Check.diag(P.Check, "the value read is checked here", DiagnosticIDs::Note);
  else if (!P.DecidedIn.empty())
    Check.diag(P.Read,
               "'%0' reads the value and decides its own write on it; the "
               "transaction this call runs in is the caller's",
               DiagnosticIDs::Note)
        << P.DecidedIn;
  else
    Check.diag(P.Write, "the value read is used in this write",
               DiagnosticIDs::Note);
  Check.diag(P.Write,
             "'%0' is %select{inserted into|deleted from|updated}1 "
             "%select{here|by this call}2",
             DiagnosticIDs::Note)
      << P.WriteEntity << writeVerb(P.Shape)
      << unsigned(P.WriteIn.has_value() || !P.DecidedIn.empty());
  if (P.WriteIn)
    Check.diag(P.WriteIn->Loc,
               "'%0' is %select{inserted into|deleted from|updated}1 here, "
               "in '%2'",
               DiagnosticIDs::Note)
        << P.WriteEntity << writeVerb(P.Shape) << P.WriteIn->Function;
  if (P.Begin.isValid())
    Check.diag(P.Begin, "the transaction begins here", DiagnosticIDs::Note);
}

void noteFixAdvice(ClangTidyCheck &Check, const RacePair &P) {
  using ::dbrace::FixAdvice;
  using ::dbrace::FixBlocker;
  const FixAdvice &A = P.Fix.Advice;
  if (!P.Fix.Edits.empty() || A.What == FixAdvice::Kind::None)
    return;
  switch (A.What) {
  case FixAdvice::Kind::MoveBegin:
    Check.diag(P.Read,
               "begin the transaction before the read: move '%0' "
               "above it",
               DiagnosticIDs::Note)
        << A.Begin;
    break;
  case FixAdvice::Kind::DeclareAsTransaction:
    Check.diag(P.Read,
               "to run the read and the write in one transaction, "
               "declare '%0' as '%1'%select{| (declared in %4)}3 and "
               "call '%2' on each normal exit",
               DiagnosticIDs::Note)
        << A.Variable << A.Type << A.Commit << !A.TypeHeader.empty()
        << A.TypeHeader;
    break;
  case FixAdvice::Kind::BeginAndCommit:
    Check.diag(P.Read,
               "to run the read and the write in one transaction, "
               "write '%0' before the read%select{ and '%1' on each "
               "normal exit after the write|; it commits at the end "
               "of the block}2",
               DiagnosticIDs::Note)
        << A.Begin << A.Commit << A.Commit.empty();
    break;
  case FixAdvice::Kind::LockingVariant:
    Check.diag(P.ReadIn ? P.ReadIn->Loc : P.Read,
               "a lock here would end with its statement where '%0' runs "
               "outside a transaction (%select{called by %2|called from "
               "other files|called by %2 and from other files}1); give the "
               "callers that need it locked (%3) a variant of '%0' that "
               "locks the row it reads, called in a transaction",
               DiagnosticIDs::Note)
        << A.Helper
        << unsigned(A.Outside.empty()    ? 1
                    : A.OutsideElsewhere ? 2
                                         : 0)
        << quotedList(A.Outside) << quotedList(A.InTransaction);
    break;
  case FixAdvice::Kind::None:
    break;
  }
  for (const FixBlocker &B : P.Fix.Blockers)
    switch (B.Why) {
    case FixBlocker::Kind::MayNotFit:
      Check.diag(B.Loc, "'%0' is used here where a '%1' may not fit",
                 DiagnosticIDs::Note)
          << B.Variable << B.NewType;
      break;
    case FixBlocker::Kind::ParameterType:
      Check.diag(B.Loc,
                 "'%0' is passed here to a parameter of type '%1', "
                 "which does not accept a '%2'",
                 DiagnosticIDs::Note)
          << B.Variable << B.Detail << B.NewType;
      break;
    case FixBlocker::Kind::MissingMember:
      Check.diag(B.Loc, "'%0' uses '%1' here, which a '%2' does not have",
                 DiagnosticIDs::Note)
          << B.Variable << B.Detail << B.NewType;
      break;
    }
}

} // namespace clang::tidy::dbrace
