//===--- UnitRecording.h - What one translation unit told the counters ----===//
//
// The checks count what they could not do (Statistics.h) and which rules
// matched (RuleUsage.h) process-wide. A front end that reuses the results of
// a translation unit from a cache must count the same again, as if the unit
// had been analysed, or the summary of a warm run would differ from a cold
// one: so what a unit counts is also recorded, per thread. So are the
// summaries it exports to a whole-program run's first pass, and the
// timelines of its findings, where a report shows them.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_UNITRECORDING_H
#define DBRACE_CORE_UNITRECORDING_H

#include "SummaryExport.h"
#include "Timeline.h"
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace dbrace {

struct UnitRecord {
  unsigned FunctionsNotAnalysed = 0;
  std::set<std::string> PlacesNotUnderstood; ///< `file:offset`.
  std::set<std::string> RulesMatched;        ///< `file:line` of user rules.
  std::vector<std::string> RuleWarnings;     ///< In the order found.
  /// What the unit (its main file, first) gave the summary sink.
  std::vector<std::pair<std::string, ExportedFunction>> Exports;
  /// What the unit gave the timeline sink.
  std::vector<timeline::Timeline> Timelines;
  /// Whether the sinks were installed: a run that needs what one collects
  /// cannot reuse a record made without it.
  bool ExportsCollected = false, TimelinesCollected = false;
};

/// While alive, what this thread's analysis counts also goes to \p Into.
class RecordingUnit {
public:
  explicit RecordingUnit(UnitRecord &Into);
  ~RecordingUnit();
  RecordingUnit(const RecordingUnit &) = delete;
  RecordingUnit &operator=(const RecordingUnit &) = delete;

private:
  UnitRecord *Previous;
};

/// Whether \p Record holds everything this run's sinks collect.
bool recordServesThisRun(const UnitRecord &Record);

/// The record of the unit this thread analyses; null when none is kept.
UnitRecord *currentUnitRecord();

/// Counts \p Record again, as the analysis of its unit did, and gives its
/// exports and timelines to the sinks installed.
void replayUnit(const UnitRecord &Record);

} // namespace dbrace

#endif // DBRACE_CORE_UNITRECORDING_H
