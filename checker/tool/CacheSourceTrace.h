//===--- CacheSourceTrace.h - What preprocessing a file read --------------===//
//
// A translation unit's analysis depends on the bytes of every file its
// preprocessing reads, and on every lookup that found nothing (a header
// added to an earlier include folder changes which one is included). The
// analysis itself, or the preprocessor run alone (no parse, no analysis),
// reads through a file system that records each query and its answer; the
// digest of the answers is the sources' part of the cache key. The comments and
// spacing that `-E` output drops are in it too: NOLINT comments and the columns
// of findings depend on them.
//
// A later run can replay the queries without the preprocessor: when every
// answer is still the same, a fresh preprocessing would ask and read the
// same, so the digest stands.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CACHESOURCETRACE_H
#define DBRACE_TOOL_CACHESOURCETRACE_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace::tool {

struct SourceQuery {
  char Kind;        ///< 's'tatus, 'e'xists, 'o'pen (content), 'l'ist a folder.
  std::string Path; ///< Absolute.
};

struct SourceTrace {
  std::vector<SourceQuery> Queries;
  std::string Digest;
};

/// Preprocesses \p File with each of its compile commands, adjusted by
/// \p Adjust, through \p FS. Nothing when preprocessing fails.
std::optional<SourceTrace>
traceSources(const clang::tooling::CompilationDatabase &Compilations,
             llvm::StringRef File,
             llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
             const clang::tooling::ArgumentsAdjuster &Adjust);

/// Records what is asked of fileSystem(), as traceSources does, for a run
/// that reads the sources anyway (the analysis itself): what it parses is
/// exactly what was hashed, since each file is read once, whole.
class SourceRecorder {
public:
  explicit SourceRecorder(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fileSystem() const;
  SourceTrace take();

private:
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Tracing;
};

/// The digest \p Queries give asked of \p FS now.
std::string replayDigest(const std::vector<SourceQuery> &Queries,
                         llvm::vfs::FileSystem &FS);

/// The trace as a blob for the cache, and back; nothing for a damaged one.
std::string encodeTrace(const SourceTrace &Trace);
std::optional<SourceTrace> decodeTrace(llvm::StringRef Blob);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CACHESOURCETRACE_H
