//===--- Timelines.cpp - Each finding as the two requests that collide
//-----===//

#include "Timelines.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"

using namespace clang;

namespace dbrace::tool {

namespace {

std::string realPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return Path.str();
  return std::string(Real);
}

/// Whether a finding of \p Check can stand for a fact of kind \p K: the
/// lock check also reports a locking read in autocommit whose value
/// decides a write (a race).
bool reportsKind(llvm::StringRef Check, timeline::FactKind K) {
  if (Check == "dbrace-slow-call-in-transaction")
    return K == timeline::FactKind::SlowCall;
  if (Check == "dbrace-lock-without-transaction")
    return K != timeline::FactKind::SlowCall;
  return K == timeline::FactKind::Race;
}

} // namespace

TimelineSession::TimelineSession() { timeline::setSink(this); }

TimelineSession::~TimelineSession() { timeline::setSink(nullptr); }

void TimelineSession::add(timeline::Timeline T) {
  std::string File = realPath(T.Reported.File);
  std::lock_guard<std::mutex> Guard(Lock);
  // A function in a header is analysed once per file that includes it, and
  // once per set of check options.
  if (llvm::any_of(Entries, [&](const Entry &Seen) {
        return Seen.T.Kind == T.Kind && Seen.File == File &&
               Seen.T.Reported.Offset == T.Reported.Offset &&
               Seen.T.Write.Offset == T.Write.Offset;
      }))
    return;
  Entries.push_back({std::move(T), std::move(File)});
}

const timeline::Timeline *
TimelineSession::find(const tidy::ClangTidyError &E) const {
  if (E.Message.FilePath.empty())
    return nullptr;
  std::string File = realPath(E.Message.FilePath);
  auto NoteAt = [&](const trace::Place &P) {
    return llvm::any_of(E.Notes, [&](const tooling::DiagnosticMessage &N) {
      return N.FileOffset == P.Offset &&
             realPath(N.FilePath) == realPath(P.File);
    });
  };
  std::lock_guard<std::mutex> Guard(Lock);
  for (const Entry &Candidate : Entries) {
    const timeline::Timeline &T = Candidate.T;
    if (Candidate.File != File || T.Reported.Offset != E.Message.FileOffset ||
        !reportsKind(E.DiagnosticName, T.Kind))
      continue;
    if (T.Kind == timeline::FactKind::Race && !NoteAt(T.Write))
      continue;
    return &T;
  }
  return nullptr;
}

} // namespace dbrace::tool
