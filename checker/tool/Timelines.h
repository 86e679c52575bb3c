//===--- Timelines.h - Each finding as the two requests that collide
//-------===//
//
// Collects the timelines the analysis builds for its facts while the usual
// clang-tidy run goes on, and finds the one of each finding the checks
// reported: the fact's place is the warning's, and a race's write is one of
// its notes. The checks' diagnostics stay as clang-tidy users see them.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_TIMELINES_H
#define DBRACE_TOOL_TIMELINES_H

#include "SourcePositions.h"
#include "Timeline.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>
#include <string>
#include <vector>

namespace dbrace::tool {

class TimelineSession : public timeline::Sink {
public:
  /// Installs itself as the analysis' timeline sink until destroyed.
  TimelineSession();
  ~TimelineSession() override;
  TimelineSession(const TimelineSession &) = delete;
  TimelineSession &operator=(const TimelineSession &) = delete;

  void add(timeline::Timeline T) override;

  /// The timeline of finding \p E, or null.
  const timeline::Timeline *find(const clang::tidy::ClangTidyError &E) const;

private:
  struct Entry {
    timeline::Timeline T;
    std::string File; ///< Reported.File, its real path.
  };
  mutable std::mutex Lock;
  std::vector<Entry> Entries;
};

/// One step in words, without the request or the place.
struct WordedStep {
  const timeline::Step *From = nullptr;
  std::string Text;
};

/// \p T's steps in words; \p Check is the finding's check. With
/// \p MergeChecks, a check and the write it decides are one step.
std::vector<WordedStep> wordTimeline(const timeline::Timeline &T,
                                     llvm::StringRef Check,
                                     bool MergeChecks = true);

/// With the fix: where request B waits instead, or empty.
std::string wordFix(const timeline::Timeline &T, llvm::StringRef Check,
                    SourcePositions &Sources);

/// `request A`, `request B`.
const char *requestName(timeline::Request R);

/// \p P as `file:line`, the file relative to the source root.
std::string placeText(const trace::Place &P, SourcePositions &Sources);

/// The timeline in text, indented under its finding.
void printTimeline(const timeline::Timeline &T, llvm::StringRef Check,
                   SourcePositions &Sources, llvm::raw_ostream &OS);

/// The timeline as JSON data: its shape, its steps (request, kind, place,
/// SQL, values, condition, words) and the fix's line.
llvm::json::Value timelineJson(const timeline::Timeline &T,
                               llvm::StringRef Check, SourcePositions &Sources);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_TIMELINES_H
