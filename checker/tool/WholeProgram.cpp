//===--- WholeProgram.cpp - Two passes over a compilation database --------===//

#include "WholeProgram.h"
#include "RealPath.h"
#include "SummaryMerge.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>
#include <mutex>

using namespace dbrace::tool;
using ::dbrace::ExportedFunction;

namespace {

/// Collects what pass 1 exports, per unit.
class Collected : public ::dbrace::SummarySink {
public:
  void add(llvm::StringRef Unit, ExportedFunction F) override {
    std::lock_guard<std::mutex> Lock(Mutex);
    ByUnit[realPath(Unit)].push_back(std::move(F));
  }
  std::map<std::string, std::vector<ExportedFunction>> ByUnit;

private:
  std::mutex Mutex;
};

/// Whether a unit calls a function another unit defines and the merge
/// summarised.
bool needsSecondPass(const std::vector<ExportedFunction> &Unit,
                     const llvm::StringSet<> &Summarised) {
  llvm::StringSet<> Defined;
  for (const ExportedFunction &F : Unit)
    Defined.insert(F.Key);
  for (const ExportedFunction &F : Unit)
    for (const ::dbrace::DeferredCall &C : F.Calls)
      if (!Defined.contains(C.Callee) && Summarised.contains(C.Callee))
        return true;
  return false;
}

} // namespace

bool dbrace::tool::writeMergedSummaries(
    const std::vector<std::vector<ExportedFunction>> &Units,
    const std::string &Path, std::string &Error,
    std::vector<std::string> *Summarised) {
  ::dbrace::MergedSummaries Merged = ::dbrace::mergeSummaries(Units);
  if (Summarised)
    for (const auto &Entry : Merged.Rules)
      Summarised->push_back(Entry.first);
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    Error = "dbrace: error: cannot write '" + Path + "': " + EC.message();
    return false;
  }
  ::dbrace::writeSummaries(Merged, OS);
  return true;
}

WholeProgramRun dbrace::tool::runWholeProgram(
    const clang::tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, const ContextFactory &Pass1,
    const SummariesContextFactory &Pass2, const RunOptions &Options,
    const std::string &SummaryFile) {
  WholeProgramRun Run;
  Collected Exports;
  ::dbrace::setSummarySink(&Exports);
  // A cached result would replay the file's findings but not the summaries
  // it exports, so the first pass always analyses.
  RunOptions Exporting = Options;
  Exporting.Cache = nullptr;
  Run.PerFile = runOnFiles(Compilations, Files, Pass1, Exporting);
  ::dbrace::setSummarySink(nullptr);

  // In the order of the files, so that the first file compiling a function
  // gives its summary whatever order the threads finished in.
  std::vector<std::vector<ExportedFunction>> Units;
  std::vector<const std::vector<ExportedFunction> *> UnitOfFile;
  static const std::vector<ExportedFunction> NoExports;
  for (const std::string &File : Files) {
    auto It = Exports.ByUnit.find(realPath(File));
    UnitOfFile.push_back(It == Exports.ByUnit.end() ? &NoExports : &It->second);
    Units.push_back(*UnitOfFile.back());
  }
  std::vector<std::string> Names;
  if (!writeMergedSummaries(Units, SummaryFile, Run.Error, &Names))
    return Run;
  llvm::StringSet<> Summarised;
  for (const std::string &Name : Names)
    Summarised.insert(Name);

  std::vector<std::string> Again;
  std::vector<size_t> Where;
  for (size_t I = 0; I < Files.size(); ++I)
    if (needsSecondPass(*UnitOfFile[I], Summarised)) {
      Again.push_back(Files[I]);
      Where.push_back(I);
    }
  Run.Reanalysed = Again.size();
  if (Again.empty())
    return Run;
  RunOptions Quiet = Options;
  std::vector<std::vector<clang::tidy::ClangTidyError>> Second =
      runOnFiles(Compilations, Again, Pass2(SummaryFile), Quiet);
  for (size_t J = 0; J < Again.size(); ++J)
    Run.PerFile[Where[J]] = std::move(Second[J]);
  return Run;
}
