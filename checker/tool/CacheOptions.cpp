//===--- CacheOptions.cpp - The cache the command line asks for -----------===//

#include "CacheOptions.h"

namespace dbrace::tool {

void openResultCache(const DriverOptions &Opts,
                     std::optional<ResultCache> &Cache,
                     std::vector<DriverError> &Problems) {
  if (Opts.NoCache || Opts.Explain)
    return;
  std::string Dir =
      Opts.CacheDir.empty() ? defaultCacheDirectory() : Opts.CacheDir;
  if (Dir.empty())
    return;
  llvm::Expected<CacheStore> Store = CacheStore::open(Dir);
  if (!Store) {
    std::string Why = llvm::toString(Store.takeError());
    if (!Opts.CacheDir.empty())
      Problems.push_back(DriverError::configuration(Why));
    return;
  }
  Cache.emplace(std::move(*Store));
}

void printCacheStats(const std::optional<ResultCache> &Cache,
                     llvm::raw_ostream &OS) {
  if (!Cache) {
    OS << "dbrace: cache: off\n";
    return;
  }
  CacheCounts Counts = Cache->counts();
  OS << "dbrace: cache: " << Counts.Hits
     << (Counts.Hits == 1 ? " hit, " : " hits, ") << Counts.Misses
     << (Counts.Misses == 1 ? " miss" : " misses");
  if (Counts.NotStored)
    OS << " (" << Counts.NotStored << " not stored)";
  OS << " in " << Cache->store().directory() << "\n";
}

} // namespace dbrace::tool
