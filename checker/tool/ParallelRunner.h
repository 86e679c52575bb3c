//===--- ParallelRunner.h - Analyse many files at once --------------------===//
//
// `-j N` runs N threads, each with its own file system and a ClangTidyContext
// per file: the context (current file, diagnostics engine, options cache) is
// not thread-safe, and the real file system's working directory is the
// process's, which ClangTool changes per compile command. The dbrace
// analysis caches are thread_local or mutex-guarded.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_PARALLELRUNNER_H
#define DBRACE_TOOL_PARALLELRUNNER_H

#include "CacheResults.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <memory>
#include <vector>

namespace dbrace::tool {

/// Makes a context that reads `.clang-tidy` files through \p FS.
using ContextFactory =
    std::function<std::unique_ptr<clang::tidy::ClangTidyContext>(
        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)>;

struct RunOptions {
  unsigned Jobs = 1;
  bool Progress = false; ///< `[3/40] file.cpp` on stderr as files finish.
  /// Answers for files whose inputs did not change; null: analyse all.
  ResultCache *Cache = nullptr;
};

/// The diagnostics of each file, in the order of \p Files whatever order
/// the threads finish in.
std::vector<std::vector<clang::tidy::ClangTidyError>>
runOnFiles(const clang::tooling::CompilationDatabase &Compilations,
           const std::vector<std::string> &Files,
           const ContextFactory &MakeContext, const RunOptions &Options);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_PARALLELRUNNER_H
