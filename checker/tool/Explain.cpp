//===--- Explain.cpp - `dbrace --explain`: what the analysis saw ----------===//

#include "Explain.h"
#include "RealPath.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace dbrace::tool {

namespace {

/// A diagnostic at \p At, with a note at \p Also.
bool diagnosedAt(const tooling::Diagnostic &D, const trace::Place &At,
                 const trace::Place &Also) {
  auto Same = [](const tooling::DiagnosticMessage &M, const trace::Place &P) {
    return M.FileOffset == P.Offset && !M.FilePath.empty() &&
           realPath(M.FilePath) == realPath(P.File);
  };
  return Same(D.Message, At) &&
         llvm::any_of(D.Notes, [&](const tooling::DiagnosticMessage &N) {
           return Same(N, Also);
         });
}

/// The check that reported pair \p P, if one did: its warning stands at
/// the read, with a note at the write.
std::string reportedBy(const trace::Pair &P,
                       const std::vector<tidy::ClangTidyError> &Diagnostics) {
  if (P.Verdict != trace::PairVerdict::Race || P.Protected != Protection::None)
    return "";
  for (const tidy::ClangTidyError &D : Diagnostics)
    if (diagnosedAt(D, P.ReadAt, P.WriteAt))
      return D.DiagnosticName;
  return "";
}

} // namespace

ExplainSession::ExplainSession(ExplainRequest Request)
    : Request(std::move(Request)) {
  RealFile = realPath(this->Request.File);
  trace::setSink(this);
}

ExplainSession::~ExplainSession() { trace::setSink(nullptr); }

bool ExplainSession::wants(const FunctionDecl *FD, const SourceManager &SM) {
  trace::Place Begin = trace::placeOf(FD->getBeginLoc(), SM);
  if (!Begin.valid() || realPath(Begin.File) != RealFile)
    return false;
  if (!Request.Line)
    return true;
  trace::Place End = trace::placeOf(FD->getEndLoc(), SM);
  return Begin.Line <= Request.Line && Request.Line <= End.Line;
}

void ExplainSession::add(trace::Function F) {
  std::lock_guard<std::mutex> Guard(Lock);
  // Checks with different options analyse a function once each.
  if (llvm::none_of(Functions, [&](const trace::Function &Seen) {
        return Seen.Name == F.Name && Seen.Begin.Offset == F.Begin.Offset;
      }))
    Functions.push_back(std::move(F));
}

void ExplainSession::print(const std::vector<tidy::ClangTidyError> &Diagnostics,
                           llvm::raw_ostream &OS) {
  std::vector<ExplainedFunction> Explained;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    for (trace::Function &F : Functions) {
      ExplainedFunction E;
      for (const trace::Pair &P : F.Pairs)
        E.ReportedBy.push_back(reportedBy(P, Diagnostics));
      E.Trace = std::move(F);
      Explained.push_back(std::move(E));
    }
    Functions.clear();
  }
  llvm::stable_sort(Explained, [](const auto &A, const auto &B) {
    return A.Trace.Begin.Offset < B.Trace.Begin.Offset;
  });
  if (Request.Json)
    printExplanationJson(Request, Explained, OS);
  else
    printExplanationText(Request, Explained, OS);
}

} // namespace dbrace::tool
