//===--- Statistics.cpp - What the analysis could not do ------------------===//

#include "Statistics.h"
#include "UnitRecording.h"
#include <atomic>
#include <mutex>
#include <set>
#include <string>

namespace dbrace {

namespace {
// The driver analyses files on several threads.
std::atomic<unsigned> NotAnalysed{0};

std::mutex PlacesLock;
std::set<std::string> &placesNotUnderstood() {
  static std::set<std::string> Places;
  return Places;
}
} // namespace

void countFunctionNotAnalysed() {
  ++NotAnalysed;
  if (UnitRecord *Unit = currentUnitRecord())
    ++Unit->FunctionsNotAnalysed;
}

unsigned functionsNotAnalysed() { return NotAnalysed; }

void countStatementNotUnderstood(llvm::StringRef Place) {
  if (UnitRecord *Unit = currentUnitRecord())
    Unit->PlacesNotUnderstood.insert(Place.str());
  std::lock_guard<std::mutex> Guard(PlacesLock);
  placesNotUnderstood().insert(Place.str());
}

unsigned statementsNotUnderstood() {
  std::lock_guard<std::mutex> Guard(PlacesLock);
  return placesNotUnderstood().size();
}

} // namespace dbrace
