//===--- MergeReports.h - `dbrace merge`: shards' reports joined ----------===//
//
// `dbrace merge a.sarif b.sarif ... -o all.sarif` (or JSON reports) writes
// what one run over all the shards' files would have written: the
// diagnostics in the driver's order (file, place, check, message), one
// copy of a diagnostic several shards found in a shared header, and in
// SARIF one invocation that failed if any shard's did. It needs only the
// reports, not the sources: SARIF's fingerprints were computed by the
// shards.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_MERGEREPORTS_H
#define DBRACE_TOOL_MERGEREPORTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace dbrace::tool {

/// The `merge` subcommand, given the arguments after `merge`. Returns the
/// exit status: 0 when the report was written, 2 on any error.
int mergeMain(llvm::ArrayRef<llvm::StringRef> Args, llvm::raw_ostream &Out,
              llvm::raw_ostream &Err);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_MERGEREPORTS_H
