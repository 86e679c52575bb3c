//===--- Statistics.h - What the analysis could not do --------------------===//
//
// The checks run inside clang-tidy's engine, out of the driver's reach, so
// what they count for the driver's summary is kept here, process-wide.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_STATISTICS_H
#define DBRACE_CORE_STATISTICS_H

namespace dbrace {

/// A function whose control flow the analysis gave up on: nothing in it is
/// reported, and silence there means nothing.
void countFunctionNotAnalysed();
unsigned functionsNotAnalysed();

} // namespace dbrace

#endif // DBRACE_CORE_STATISTICS_H
