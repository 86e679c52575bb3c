//===--- ParallelRunner.cpp - Analyse many files at once ------------------===//

#include "ParallelRunner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/Basic/Stack.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"
#include <atomic>
#include <mutex>

using namespace clang;
using namespace clang::tooling;

namespace dbrace::tool {
namespace {

/// Serialises look-ups (the interpolating database behind a
/// compile_commands.json is not documented as thread-safe) and silences
/// the per-file "N warnings generated." line, which threads would
/// interleave; the driver prints its own summary.
class SharedCompilations : public CompilationDatabase {
public:
  explicit SharedCompilations(const CompilationDatabase &Inner)
      : Inner(Inner),
        Quieter(getInsertArgumentAdjuster("-fno-caret-diagnostics",
                                          ArgumentInsertPosition::END)) {}

  std::vector<CompileCommand>
  getCompileCommands(StringRef FilePath) const override {
    std::vector<CompileCommand> Commands;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Commands = Inner.getCompileCommands(FilePath);
    }
    for (CompileCommand &C : Commands)
      C.CommandLine = Quieter(C.CommandLine, C.Filename);
    return Commands;
  }

private:
  const CompilationDatabase &Inner;
  ArgumentsAdjuster Quieter;
  mutable std::mutex Lock;
};

class Progress {
public:
  Progress(bool Enabled, size_t Total) : Enabled(Enabled), Total(Total) {}

  void finished(StringRef File) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Guard(Lock);
    llvm::errs() << "[" << ++Done << "/" << Total << "] " << File << "\n";
  }

private:
  bool Enabled;
  size_t Total;
  size_t Done = 0;
  std::mutex Lock;
};

} // namespace

std::vector<std::vector<tidy::ClangTidyError>>
runOnFiles(const CompilationDatabase &Compilations,
           const std::vector<std::string> &Files,
           const ContextFactory &MakeContext, const RunOptions &Options) {
  SharedCompilations Shared(Compilations);
  std::vector<std::vector<tidy::ClangTidyError>> Results(Files.size());
  std::atomic<size_t> Next{0};
  Progress Report(Options.Progress, Files.size());

  // Each worker takes the next file until none is left: long files do not
  // hold up a fixed share of short ones.
  auto Worker = [&] {
    clang::noteBottomOfStack();
    // Not the process-wide real file system: its working directory is the
    // process's, and ClangTool moves it to each command's directory.
    auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
        llvm::vfs::createPhysicalFileSystem());
    for (size_t I = Next++; I < Files.size(); I = Next++) {
      // A context per file: it maps diagnostic ids to check names, and each
      // run of clang-tidy numbers its ids afresh, so a context kept from an
      // earlier file would name this file's findings after that file's checks.
      std::unique_ptr<tidy::ClangTidyContext> Context = MakeContext(FS);
      // Fixes from notes are not applied, as in clang-tidy without
      // --fix-notes; this also decides which fixes count as conflicting.
      auto Analyse =
          [&](llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Sources) {
            auto Overlay =
                llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
                    std::move(Sources));
            return tidy::runClangTidy(*Context, Shared, {Files[I]}, Overlay,
                                      /*ApplyAnyFix=*/false);
          };
      Results[I] = Options.Cache ? Options.Cache->analyse(Files[I], *Context,
                                                          Shared, FS, Analyse)
                                 : Analyse(FS);
      Report.finished(Files[I]);
    }
  };

  unsigned Threads =
      std::max(1u, std::min<unsigned>(Options.Jobs, Files.size()));
  if (Threads == 1) {
    Worker();
    return Results;
  }
  std::vector<llvm::thread> Pool;
  for (unsigned T = 0; T < Threads; ++T)
    Pool.emplace_back(std::optional<unsigned>(clang::DesiredStackSize), Worker);
  for (llvm::thread &T : Pool)
    T.join();
  return Results;
}

} // namespace dbrace::tool
