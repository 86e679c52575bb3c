//===--- WholeProgram.cpp - Two passes over a compilation database --------===//

#include "WholeProgram.h"
#include "RealPath.h"
#include "SourcePositions.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>
#include <mutex>
#include <set>

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

/// The functions of other units \p Unit calls that the merge summarised:
/// what its second pass depends on.
std::set<std::string> summariesUsed(const std::vector<ExportedFunction> &Unit,
                                    const ::dbrace::MergedSummaries &Merged) {
  llvm::StringSet<> Defined;
  for (const ExportedFunction &F : Unit)
    Defined.insert(F.Key);
  std::set<std::string> Used;
  auto Use = [&](const std::string &Callee) {
    if (!Defined.contains(Callee) && Merged.Rules.count(Callee))
      Used.insert(Callee);
  };
  for (const ExportedFunction &F : Unit) {
    for (const ::dbrace::DeferredCall &C : F.Calls)
      Use(C.Callee);
    llvm::for_each(F.LambdaCallees, Use);
  }
  return Used;
}

/// The functions of \p Unit whose races other units' calls now judge:
/// its second pass no longer reports them.
std::set<std::string> judgedElsewhere(const std::vector<ExportedFunction> &Unit,
                                      const ::dbrace::MergedSummaries &Merged) {
  std::set<std::string> Judged;
  for (const ExportedFunction &F : Unit)
    if (Merged.CalledElsewhere.count(F.Key))
      Judged.insert(F.Key);
  return Judged;
}

/// \p Used's rules as the summaries file writes them: the part of it a
/// unit's second pass reads, and so the part its cache entry is keyed by.
std::string summariesText(const ::dbrace::MergedSummaries &Merged,
                          const std::set<std::string> &Used,
                          const std::set<std::string> &Judged) {
  ::dbrace::MergedSummaries Part;
  Part.Dialect = Merged.Dialect;
  Part.LockClause = Merged.LockClause;
  Part.CalledElsewhere = Judged;
  for (const std::string &Name : Used)
    Part.Rules[Name] = Merged.Rules.at(Name);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  ::dbrace::writeSummaries(Part, OS);
  return Text;
}

} // namespace

bool dbrace::tool::writeMergedSummaries(const ::dbrace::MergedSummaries &Merged,
                                        const std::string &Path,
                                        std::string &Error) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    Error = "dbrace: error: cannot write '" + Path + "': " + EC.message();
    return false;
  }
  ::dbrace::writeSummaries(Merged, OS);
  return true;
}

FirstPass dbrace::tool::runFirstPass(
    const clang::tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, const ContextFactory &Pass1,
    const RunOptions &Options, const std::string &SourceRoot) {
  FirstPass Pass;
  Collected Exports;
  ::dbrace::setSummarySink(&Exports);
  Pass.PerFile = runOnFiles(Compilations, Files, Pass1, Options);
  ::dbrace::setSummarySink(nullptr);
  SourcePositions Paths(SourceRoot);
  for (const std::string &File : Files) {
    auto It = Exports.ByUnit.find(realPath(File));
    Pass.Units.push_back(
        {Paths.displayPath(File), It == Exports.ByUnit.end()
                                      ? std::vector<ExportedFunction>()
                                      : std::move(It->second)});
  }
  return Pass;
}

WholeProgramRun dbrace::tool::runWholeProgram(
    const clang::tooling::CompilationDatabase &Compilations,
    const std::vector<std::string> &Files, const ContextFactory &Pass1,
    const SummariesContextFactory &Pass2, const RunOptions &Options,
    const std::string &SourceRoot, const std::string &SummaryFile) {
  WholeProgramRun Run;
  FirstPass First =
      runFirstPass(Compilations, Files, Pass1, Options, SourceRoot);
  Run.PerFile = std::move(First.PerFile);
  ::dbrace::MergedSummaries Merged = mergeUnits(First.Units);
  if (!writeMergedSummaries(Merged, SummaryFile, Run.Error))
    return Run;

  std::vector<std::string> Again;
  std::vector<size_t> Where;
  std::map<std::string, std::string> UsedText;
  for (size_t I = 0; I < Files.size(); ++I) {
    std::set<std::string> Used =
        summariesUsed(First.Units[I].Functions, Merged);
    std::set<std::string> Judged =
        judgedElsewhere(First.Units[I].Functions, Merged);
    if (Used.empty() && Judged.empty())
      continue;
    Again.push_back(Files[I]);
    Where.push_back(I);
    UsedText[Files[I]] = summariesText(Merged, Used, Judged);
  }
  Run.Reanalysed = Again.size();
  if (Again.empty())
    return Run;
  // A file's second pass is cached under the summaries it uses, not the
  // whole file's: an edit elsewhere leaves its entry valid.
  if (Options.Cache)
    Options.Cache->keySummariesBy(
        [&UsedText](llvm::StringRef File) { return UsedText.at(File.str()); });
  std::vector<std::vector<clang::tidy::ClangTidyError>> Second =
      runOnFiles(Compilations, Again, Pass2(SummaryFile), Options);
  if (Options.Cache)
    Options.Cache->keySummariesBy(nullptr);
  for (size_t J = 0; J < Again.size(); ++J)
    Run.PerFile[Where[J]] = std::move(Second[J]);
  return Run;
}
