//===--- ErrorMerge.cpp - One list of diagnostics from many files ---------===//

#include "ErrorMerge.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include <tuple>

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace dbrace::tool {
namespace {

// clang-tidy's own text, so that both front ends say the same.
const char OverlapNote[] =
    "this fix will not be applied because it overlaps with another fix";

std::string absolute(llvm::StringRef BuildDir, llvm::StringRef Path) {
  if (Path.empty())
    return std::string();
  llvm::SmallString<256> P;
  if (llvm::sys::path::is_absolute(Path) || BuildDir.empty())
    P = Path;
  else
    llvm::sys::path::append(P, BuildDir, Path);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// Relative paths are relative to the compile command's directory, which
/// differs between files: made absolute, the same header is the same file
/// for sorting, de-duplication, overlap detection and fix application.
void makePathsAbsolute(DiagnosticMessage &M, llvm::StringRef BuildDir) {
  M.FilePath = absolute(BuildDir, M.FilePath);
  for (clang::tooling::FileByteRange &R : M.Ranges)
    R.FilePath = absolute(BuildDir, R.FilePath);
  llvm::StringMap<Replacements> Fix;
  for (const auto &FileAndReplacements : M.Fix) {
    std::string File = absolute(BuildDir, FileAndReplacements.first());
    Replacements &Out = Fix[File];
    for (const Replacement &R : FileAndReplacements.second)
      llvm::consumeError(Out.add(Replacement(File, R.getOffset(), R.getLength(),
                                             R.getReplacementText())));
  }
  M.Fix = std::move(Fix);
}

bool lessError(const ClangTidyError &A, const ClangTidyError &B) {
  return std::tie(A.Message.FilePath, A.Message.FileOffset, A.DiagnosticName,
                  A.Message.Message) <
         std::tie(B.Message.FilePath, B.Message.FileOffset, B.DiagnosticName,
                  B.Message.Message);
}

bool sameError(const ClangTidyError &A, const ClangTidyError &B) {
  return !lessError(A, B) && !lessError(B, A);
}

/// Two edits cannot both apply when they replace overlapping text, or when
/// one inserts strictly inside text the other replaces. Insertions at the
/// same point, or edits that only touch, apply one after the other.
bool overlap(const Replacement &A, const Replacement &B) {
  unsigned ABegin = A.getOffset(), AEnd = ABegin + A.getLength();
  unsigned BBegin = B.getOffset(), BEnd = BBegin + B.getLength();
  if (A.getLength() == 0 && B.getLength() == 0)
    return false;
  if (A.getLength() == 0)
    return BBegin < ABegin && ABegin < BEnd;
  if (B.getLength() == 0)
    return ABegin < BBegin && BBegin < AEnd;
  return ABegin < BEnd && BBegin < AEnd;
}

bool fixesOverlap(const ClangTidyError &A, const ClangTidyError &B) {
  for (const auto &FileAndReplacements : A.Message.Fix) {
    auto Other = B.Message.Fix.find(FileAndReplacements.first());
    if (Other == B.Message.Fix.end())
      continue;
    for (const Replacement &RA : FileAndReplacements.second)
      for (const Replacement &RB : Other->second)
        if (overlap(RA, RB))
          return true;
  }
  return false;
}

/// Within one file's run clang-tidy has already refused overlapping fixes
/// (its rules keep the outer of two nested fixes); only fixes that came
/// from different files' runs, in a header both include, are compared here.
void refuseOverlappingFixes(std::vector<ClangTidyError> &Errors,
                            const std::vector<size_t> &Origin) {
  // Few diagnostics carry fixes, so comparing each pair is cheap enough.
  std::vector<size_t> WithFix;
  for (size_t I = 0; I < Errors.size(); ++I)
    if (!Errors[I].Message.Fix.empty())
      WithFix.push_back(I);
  std::vector<bool> Refused(Errors.size(), false);
  for (size_t X = 0; X < WithFix.size(); ++X)
    for (size_t Y = X + 1; Y < WithFix.size(); ++Y)
      if (Origin[WithFix[X]] != Origin[WithFix[Y]] &&
          fixesOverlap(Errors[WithFix[X]], Errors[WithFix[Y]]))
        Refused[WithFix[X]] = Refused[WithFix[Y]] = true;
  for (size_t I = 0; I < Errors.size(); ++I)
    if (Refused[I]) {
      Errors[I].Message.Fix.clear();
      Errors[I].Notes.emplace_back(OverlapNote);
    }
}

} // namespace

std::vector<ClangTidyError>
mergeFileResults(std::vector<std::vector<ClangTidyError>> PerFile) {
  struct Tagged {
    ClangTidyError Error;
    size_t Origin; ///< Which file's run found it.
  };
  std::vector<Tagged> All;
  for (size_t F = 0; F < PerFile.size(); ++F)
    for (ClangTidyError &E : PerFile[F]) {
      makePathsAbsolute(E.Message, E.BuildDirectory);
      for (DiagnosticMessage &Note : E.Notes)
        makePathsAbsolute(Note, E.BuildDirectory);
      All.push_back({std::move(E), F});
    }
  // Stable, so that of equal diagnostics the first file's is kept.
  llvm::stable_sort(All, [](const Tagged &A, const Tagged &B) {
    return lessError(A.Error, B.Error);
  });
  All.erase(std::unique(All.begin(), All.end(),
                        [](const Tagged &A, const Tagged &B) {
                          return sameError(A.Error, B.Error);
                        }),
            All.end());
  std::vector<ClangTidyError> Errors;
  std::vector<size_t> Origin;
  for (Tagged &T : All) {
    Errors.push_back(std::move(T.Error));
    Origin.push_back(T.Origin);
  }
  refuseOverlappingFixes(Errors, Origin);
  return Errors;
}

} // namespace dbrace::tool
