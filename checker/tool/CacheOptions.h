//===--- CacheOptions.h - The cache the command line asks for -------------===//

#ifndef DBRACE_TOOL_CACHEOPTIONS_H
#define DBRACE_TOOL_CACHEOPTIONS_H

#include "CacheResults.h"
#include "DriverError.h"
#include "DriverOptions.h"
#include "llvm/Support/raw_ostream.h"

namespace dbrace::tool {

/// Opens the cache of `--cache-dir` or the default folder into \p Cache,
/// unless `--no-cache` or `--explain` (which must watch the analysis). A
/// `--cache-dir` that cannot be created is an error; a default folder that
/// cannot, only a run without a cache.
void openResultCache(const DriverOptions &Opts,
                     std::optional<ResultCache> &Cache,
                     std::vector<DriverError> &Problems);

/// `--cache-stats`: `dbrace: cache: 3 hits, 1 miss` and the folder.
void printCacheStats(const std::optional<ResultCache> &Cache,
                     llvm::raw_ostream &OS);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CACHEOPTIONS_H
