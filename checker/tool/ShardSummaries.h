//===--- ShardSummaries.h - A shard's first pass, for dbrace merge --------===//
//
// Whole-program mode over a CI matrix: each shard's first pass
// (`--shard=K/N --summaries=FILE`) writes what its units export, calls of
// other units' functions still unresolved; `dbrace merge` composes every
// shard's file into the summaries file one run over all the files writes;
// each shard's second pass reads it (`--read-summaries`). The composition
// needs every unit, so a shard's file keeps them apart, under their paths
// relative to the source root: the order units are merged in, on any
// machine and in a single run alike.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_SHARDSUMMARIES_H
#define DBRACE_TOOL_SHARDSUMMARIES_H

#include "SummaryMerge.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace dbrace::tool {

struct UnitSummaries {
  std::string Path; ///< Relative to the source root where it is below it.
  std::vector<::dbrace::ExportedFunction> Functions;
};

/// Units merged in the order of their paths.
::dbrace::MergedSummaries mergeUnits(std::vector<UnitSummaries> Units);

/// \p Units written to \p Path as a shard's summaries; false with \p Error.
bool writeShardSummaries(const std::vector<UnitSummaries> &Units,
                         const std::string &Path, std::string &Error);

/// Whether \p Path starts as a shard's summaries file does.
bool isShardSummaries(llvm::StringRef Path);

/// The units of a shard's summaries file; an error naming the file when it
/// is damaged or was written by another build of dbrace.
llvm::Expected<std::vector<UnitSummaries>>
readShardSummaries(llvm::StringRef Path);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_SHARDSUMMARIES_H
