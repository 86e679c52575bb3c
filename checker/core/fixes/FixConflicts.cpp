//===--- FixConflicts.cpp - No two findings edit the same text ------------===//

#include "FixConflicts.h"
#include "llvm/ADT/STLExtras.h"

namespace dbrace::fixes {

void FixLedger::admit(std::vector<clang::FixItHint> &Edits,
                      const clang::ASTContext &Ctx) {
  std::vector<EditSpan> Mine;
  std::vector<clang::FixItHint> Kept;
  for (const clang::FixItHint &Fix : Edits) {
    std::optional<EditSpan> Span = spanOf(Fix, Ctx);
    if (Span) {
      auto Same = Texts.find({Span->File, Span->Begin, Span->End});
      if (Same != Texts.end() && Same->second == Fix.CodeToInsert)
        continue;
    }
    bool Meets = !Span || meetsTaken(*Span) ||
                 llvm::any_of(Mine, [&](const EditSpan &M) {
                   return conflicting(*Span, M);
                 });
    if (Meets) {
      Edits.clear();
      return;
    }
    Mine.push_back(*Span);
    Kept.push_back(Fix);
  }
  for (size_t I = 0; I < Mine.size(); ++I) {
    take(Mine[I]);
    Texts[{Mine[I].File, Mine[I].Begin, Mine[I].End}] = Kept[I].CodeToInsert;
  }
  Edits = std::move(Kept);
}

bool FixLedger::meetsTaken(const EditSpan &S) const {
  bool Inserts = S.Begin == S.End;
  if (Inserts && Insertions.count({S.File, S.Begin}))
    return true;
  // An insertion strictly inside the replaced text.
  if (!Inserts) {
    auto I = Insertions.upper_bound({S.File, S.Begin});
    if (I != Insertions.end() && I->first == S.File && I->second < S.End)
      return true;
  }
  // The last replacement beginning before this edit ends (before it
  // begins, for an insertion) is the only one that can reach into it.
  auto R = ReplacementEnds.lower_bound({S.File, Inserts ? S.Begin : S.End});
  if (R == ReplacementEnds.begin())
    return false;
  --R;
  if (R->first.first != S.File)
    return false;
  return conflicting(S, EditSpan{S.File, R->first.second, R->second});
}

void FixLedger::take(const EditSpan &S) {
  if (S.Begin == S.End)
    Insertions.insert({S.File, S.Begin});
  else
    ReplacementEnds[{S.File, S.Begin}] = S.End;
}

} // namespace dbrace::fixes
