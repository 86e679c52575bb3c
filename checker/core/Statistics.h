//===--- Statistics.h - What the analysis could not do --------------------===//
//
// The checks run inside clang-tidy's engine, out of the driver's reach, so
// what they count for the driver's summary is kept here, process-wide.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_STATISTICS_H
#define DBRACE_CORE_STATISTICS_H

#include "llvm/ADT/StringRef.h"

namespace dbrace {

/// A function whose control flow the analysis gave up on: nothing in it is
/// reported, and silence there means nothing.
void countFunctionNotAnalysed();
unsigned functionsNotAnalysed();

/// A call whose SQL was not recovered or did not parse, by its place
/// (`file:offset`): counted once however many translation units, checks
/// or analyses meet it.
void countStatementNotUnderstood(llvm::StringRef Place);
unsigned statementsNotUnderstood();

} // namespace dbrace

#endif // DBRACE_CORE_STATISTICS_H
