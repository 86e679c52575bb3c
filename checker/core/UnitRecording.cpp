//===--- UnitRecording.cpp - What one translation unit told the counters --===//

#include "UnitRecording.h"
#include "RuleUsage.h"
#include "Statistics.h"

namespace dbrace {

namespace {
// Each translation unit is analysed on one thread, start to end.
thread_local UnitRecord *Current = nullptr;
} // namespace

RecordingUnit::RecordingUnit(UnitRecord &Into) : Previous(Current) {
  Current = &Into;
  Into.ExportsCollected = summarySink() != nullptr;
  Into.TimelinesCollected = timeline::sink() != nullptr;
}

bool recordServesThisRun(const UnitRecord &Record) {
  return (Record.ExportsCollected || !summarySink()) &&
         (Record.TimelinesCollected || !timeline::sink());
}

RecordingUnit::~RecordingUnit() { Current = Previous; }

UnitRecord *currentUnitRecord() { return Current; }

void replayUnit(const UnitRecord &Record) {
  for (unsigned I = 0; I < Record.FunctionsNotAnalysed; ++I)
    countFunctionNotAnalysed();
  for (const std::string &Place : Record.PlacesNotUnderstood)
    countStatementNotUnderstood(Place);
  for (const std::string &Place : Record.RulesMatched)
    noteRuleMatchedAt(Place);
  for (const std::string &Text : Record.RuleWarnings)
    noteRuleWarning(Text);
  if (SummarySink *Sink = summarySink())
    for (const auto &[Unit, F] : Record.Exports)
      Sink->add(Unit, F);
  if (timeline::Sink *Sink = timeline::sink())
    for (const timeline::Timeline &T : Record.Timelines)
      Sink->add(T);
}

} // namespace dbrace
