//===--- SummaryMerge.h - One rules file from every unit's summaries ------===//
//
// The second half of whole-program summaries: the functions every unit
// exported are merged (one per key, the first unit's where several compile
// it), each call of another function of the project is replaced by that
// function's rules seen through the call's arguments, bottom-up over the
// call graph (a cycle is cut where it closes), and the result is written as
// one rules file with `summaries: true`.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SUMMARYMERGE_H
#define DBRACE_CORE_SUMMARYMERGE_H

#include "SummaryExport.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

namespace dbrace {

struct MergedSummaries {
  /// The rules of each function other units may call, by qualified name,
  /// composed through the calls it makes, in the order they run.
  std::map<std::string, std::vector<ExportedRule>> Rules;
  sqlfacts::Dialect Dialect = sqlfacts::Dialect::PostgreSQL;
  std::string LockClause;
  /// Functions other units call whose rules leave a race to their callers
  /// (`decides_writes`): their own units judge it no more.
  std::set<std::string> CalledElsewhere;
};

/// Merges \p Units' exports, the units in the order given.
MergedSummaries
mergeSummaries(const std::vector<std::vector<ExportedFunction>> &Units);

/// \p M as a rules file.
void writeSummaries(const MergedSummaries &M, llvm::raw_ostream &OS);

} // namespace dbrace

#endif // DBRACE_CORE_SUMMARYMERGE_H
