//===--- FixConflicts.cpp - No two findings edit the same text ------------===//

#include "FixConflicts.h"
#include "llvm/ADT/STLExtras.h"

namespace dbrace::fixes {

void FixLedger::admit(Finding &F, const clang::ASTContext &Ctx) {
  std::vector<EditSpan> Mine;
  for (const clang::FixItHint &Fix : F.Fixes) {
    std::optional<EditSpan> Span = spanOf(Fix, Ctx);
    bool Meets = !Span || llvm::any_of(Taken, [&](const EditSpan &T) {
                   return conflicting(*Span, T);
                 }) || llvm::any_of(Mine, [&](const EditSpan &M) {
                   return conflicting(*Span, M);
                 });
    if (Meets) {
      F.Fixes.clear();
      return;
    }
    Mine.push_back(*Span);
  }
  llvm::append_range(Taken, Mine);
}

} // namespace dbrace::fixes
