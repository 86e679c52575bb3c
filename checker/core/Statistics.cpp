//===--- Statistics.cpp - What the analysis could not do ------------------===//

#include "Statistics.h"
#include <atomic>

namespace dbrace {

namespace {
// The driver analyses files on several threads.
std::atomic<unsigned> NotAnalysed{0};
} // namespace

void countFunctionNotAnalysed() { ++NotAnalysed; }

unsigned functionsNotAnalysed() { return NotAnalysed; }

} // namespace dbrace
