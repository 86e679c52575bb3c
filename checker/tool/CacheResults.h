//===--- CacheResults.h - A translation unit's results, cached ------------===//
//
// What the driver keeps of a translation unit's analysis: clang-tidy's
// diagnostics (warnings, notes, fix-its) and what the unit told the run's
// counters (UnitRecording.h). They are reused when nothing the analysis
// depends on changed:
// - dbrace itself (buildIdentity());
// - the compile commands of the file and the environment the compiler
//   driver reads include folders from;
// - the clang-tidy options in effect for the file (checks, check options,
//   header filter, extra arguments), and the content of every file a check
//   option names: the rules files (built-in and the user's), the schema,
//   and any `...Files` option (summaries; in a whole-program run's second
//   pass, only the summaries the file uses);
// - every file its compilation read, and every lookup that found
//   nothing (CacheSourceTrace.h).
// An entry also holds the summaries the unit exports (a whole-program run's
// first pass) and the timelines of its findings (SARIF, HTML, --timeline)
// when the run that made it collected them; a run that collects them does
// not reuse an entry without them.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CACHERESULTS_H
#define DBRACE_TOOL_CACHERESULTS_H

#include "CacheSourceTrace.h"
#include "CacheStore.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/FunctionExtras.h"
#include <atomic>
#include <functional>
#include <map>
#include <mutex>

namespace dbrace {
struct UnitRecord;
}

namespace dbrace::tool {

struct CacheCounts {
  unsigned Hits = 0, Misses = 0;
  /// Not stored: the file did not compile, or changed while analysed.
  unsigned NotStored = 0;
};

class ResultCache {
public:
  explicit ResultCache(CacheStore Store) : Store(std::move(Store)) {}

  /// Runs the analysis, reading the sources through the file system given.
  using Analysis = llvm::function_ref<std::vector<clang::tidy::ClangTidyError>(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>)>;

  /// The diagnostics of \p File: an entry's when one matches, else those
  /// \p Analyse returns, then stored. Safe to call from several threads.
  std::vector<clang::tidy::ClangTidyError>
  analyse(llvm::StringRef File, clang::tidy::ClangTidyContext &Context,
          const clang::tooling::CompilationDatabase &Compilations,
          llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS, Analysis Analyse);

  /// While set, a file's `SummaryFiles` are keyed by what \p PartFor
  /// returns for it (the summaries it uses) rather than by their paths and
  /// whole content: a whole-program run's second pass.
  void
  keySummariesBy(std::function<std::string(llvm::StringRef File)> PartFor) {
    SummariesPart = std::move(PartFor);
  }

  CacheCounts counts() const;
  const CacheStore &store() const { return Store; }

  /// The key of everything but the sources for \p File: the part of the
  /// key that pass-1 summaries share with results.
  std::string
  inputsKey(llvm::StringRef File, clang::tidy::ClangTidyContext &Context,
            const clang::tooling::CompilationDatabase &Compilations);

  /// The digest of the sources \p File reads, from the trace an earlier
  /// run stored under \p InputsKey when replaying it shows nothing
  /// changed, else by preprocessing (the trace then stored). Nothing when
  /// no earlier run stored a trace (the analysis will record one), or the
  /// file does not preprocess.
  std::optional<SourceTrace>
  sources(llvm::StringRef File, llvm::StringRef InputsKey,
          clang::tidy::ClangTidyContext &Context,
          const clang::tooling::CompilationDatabase &Compilations,
          llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);

private:
  /// Analyses through a recorder and stores the results under the trace
  /// the analysis itself read: no preprocessing of its own.
  std::vector<clang::tidy::ClangTidyError>
  analyseRecording(llvm::StringRef Inputs,
                   llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                   Analysis Analyse);
  std::vector<clang::tidy::ClangTidyError>
  store(std::string Key, std::vector<clang::tidy::ClangTidyError> Errors,
        const UnitRecord &Record, bool Stable);
  /// The content of a configuration file, read once per run.
  std::string fileContentKey(llvm::StringRef Path);
  void addConfiguredFiles(CacheKey &Key, llvm::StringRef File,
                          const clang::tidy::ClangTidyOptions &Options);

  CacheStore Store;
  std::function<std::string(llvm::StringRef)> SummariesPart;
  std::atomic<unsigned> Hits{0}, Misses{0}, NotStored{0};
  std::mutex FilesLock;
  std::map<std::string, std::string> FileKeys;
};

/// The diagnostics and record of a unit as a blob, and back; nothing for a
/// blob that does not decode whole.
std::string
encodeResults(const std::vector<clang::tidy::ClangTidyError> &Errors,
              const UnitRecord &Record);
bool decodeResults(llvm::StringRef Blob,
                   std::vector<clang::tidy::ClangTidyError> &Errors,
                   UnitRecord &Record);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CACHERESULTS_H
