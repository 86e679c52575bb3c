//===--- CacheResults.cpp - A translation unit's results, cached ----------===//

#include "CacheResults.h"
#include "ApiModel.h"
#include "RulesFilesConfig.h"
#include "UnitRecording.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

using namespace clang;
using namespace clang::tidy;

namespace dbrace::tool {
namespace {

/// Where the compiler driver finds include folders besides its arguments.
constexpr const char *CompilerEnvironment[] = {"CPATH",
                                               "C_INCLUDE_PATH",
                                               "CPLUS_INCLUDE_PATH",
                                               "OBJC_INCLUDE_PATH",
                                               "OBJCPLUS_INCLUDE_PATH",
                                               "COMPILER_PATH",
                                               "GCC_EXEC_PREFIX",
                                               "SDKROOT"};

/// The arguments clang-tidy adds to a file's command from its options
/// (ExtraArgs, ExtraArgsBefore), so preprocessing sees what the analysis
/// will.
tooling::ArgumentsAdjuster tidyExtraArguments(ClangTidyContext &Context) {
  return [&Context](const tooling::CommandLineArguments &Args,
                    llvm::StringRef File) {
    ClangTidyOptions Options = Context.getOptionsForFile(File);
    tooling::CommandLineArguments Adjusted = Args;
    if (Options.ExtraArgsBefore) {
      auto At = Adjusted.empty() ? Adjusted.end() : Adjusted.begin() + 1;
      Adjusted.insert(At, Options.ExtraArgsBefore->begin(),
                      Options.ExtraArgsBefore->end());
    }
    if (Options.ExtraArgs)
      Adjusted.insert(Adjusted.end(), Options.ExtraArgs->begin(),
                      Options.ExtraArgs->end());
    return Adjusted;
  };
}

bool storable(const std::vector<ClangTidyError> &Errors) {
  // A file that does not compile is analysed again, so that its errors
  // stay those of this run's compiler and configuration.
  return llvm::none_of(Errors, [](const ClangTidyError &E) {
    return E.DiagLevel == ClangTidyError::Error ||
           E.DiagnosticName == "clang-tidy-config";
  });
}

} // namespace

std::string ResultCache::fileContentKey(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Guard(FilesLock);
    auto It = FileKeys.find(Path.str());
    if (It != FileKeys.end())
      return It->second;
  }
  std::string Key =
      CacheKey("dbrace-file/1").addFileContent("path", Path).hex();
  std::lock_guard<std::mutex> Guard(FilesLock);
  return FileKeys.emplace(Path.str(), std::move(Key)).first->second;
}

void ResultCache::addConfiguredFiles(CacheKey &Key, llvm::StringRef File,
                                     const ClangTidyOptions &Options) {
  for (const std::string &Dir : ::dbrace::builtinRulesSearchPath())
    Key.add("built-in rules", fileContentKey(Dir));
  for (const auto &Entry :
       clang::tidy::dbrace::allRulesFilesInEffect(Options.CheckOptions, File))
    Key.add("rules", fileContentKey(Entry.Path));
  // Every other option naming files (SchemaFiles, SummaryFiles, ...): a
  // relative path means the folder dbrace was started in, as the checks
  // read it.
  std::vector<std::string> Names;
  for (const auto &Option : Options.CheckOptions)
    if (Option.getKey().ends_with("Files") &&
        !Option.getKey().ends_with("RulesFiles"))
      Names.push_back(Option.getKey().str());
  llvm::sort(Names);
  for (const std::string &Name : Names) {
    llvm::SmallVector<llvm::StringRef> Paths;
    llvm::StringRef(Options.CheckOptions.find(Name)->second.Value)
        .split(Paths, ';', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef Path : Paths) {
      llvm::SmallString<256> Absolute(Path.trim());
      llvm::sys::fs::make_absolute(clang::tidy::dbrace::launchDirectory(),
                                   Absolute);
      Key.add(Name, fileContentKey(Absolute));
    }
  }
}

std::string
ResultCache::inputsKey(llvm::StringRef File, ClangTidyContext &Context,
                       const tooling::CompilationDatabase &Compilations) {
  CacheKey Key("dbrace-inputs/1");
  Key.add("dbrace", buildIdentity());
  for (const char *Name : CompilerEnvironment)
    Key.add(Name, llvm::sys::Process::GetEnv(Name).value_or("<unset>"));
  for (const tooling::CompileCommand &Command :
       Compilations.getCompileCommands(File)) {
    Key.add("directory", Command.Directory);
    Key.add("file", Command.Filename);
    Key.add("arguments",
            llvm::join(Command.CommandLine, llvm::StringRef("\0", 1)));
  }
  ClangTidyOptions Options = Context.getOptionsForFile(File);
  if (SummariesPart) {
    Options.CheckOptions.erase("SummaryFiles");
    Key.add("summaries used", SummariesPart(File));
  }
  Key.add("options", configurationAsText(Options));
  addConfiguredFiles(Key, File, Options);
  return Key.hex();
}

std::optional<SourceTrace>
ResultCache::sources(llvm::StringRef File, llvm::StringRef InputsKey,
                     ClangTidyContext &Context,
                     const tooling::CompilationDatabase &Compilations,
                     llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  std::optional<std::string> Blob = Store.get("sources", InputsKey);
  std::optional<SourceTrace> Earlier = Blob ? decodeTrace(*Blob) : std::nullopt;
  if (!Earlier)
    return std::nullopt;
  if (replayDigest(Earlier->Queries, *FS) == Earlier->Digest)
    return Earlier;
  // The sources changed since: their digest now may still have results
  // (a branch switched back), which only the preprocessor can tell.
  std::optional<SourceTrace> Fresh =
      traceSources(Compilations, File, FS, tidyExtraArguments(Context));
  if (Fresh)
    Store.put("sources", InputsKey, encodeTrace(*Fresh));
  return Fresh;
}

static std::string resultsKey(llvm::StringRef Inputs, llvm::StringRef Sources) {
  return CacheKey("dbrace-results/1")
      .add("inputs", Inputs)
      .add("sources", Sources)
      .hex();
}

std::vector<ClangTidyError>
ResultCache::store(std::string Key, std::vector<ClangTidyError> Errors,
                   const UnitRecord &Record, bool Stable) {
  ++Misses;
  if (!Stable || !storable(Errors) ||
      !Store.put("results", Key, encodeResults(Errors, Record)))
    ++NotStored;
  return Errors;
}

std::vector<ClangTidyError> ResultCache::analyseRecording(
    llvm::StringRef Inputs, llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
    Analysis Analyse) {
  SourceRecorder Recorder(FS);
  UnitRecord Record;
  std::vector<ClangTidyError> Errors;
  {
    RecordingUnit Recording(Record);
    Errors = Analyse(Recorder.fileSystem());
  }
  SourceTrace Trace = Recorder.take();
  if (storable(Errors))
    Store.put("sources", Inputs, encodeTrace(Trace));
  return store(resultsKey(Inputs, Trace.Digest), std::move(Errors), Record,
               /*Stable=*/true);
}

std::vector<ClangTidyError>
ResultCache::analyse(llvm::StringRef File, ClangTidyContext &Context,
                     const tooling::CompilationDatabase &Compilations,
                     llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                     Analysis Analyse) {
  std::string Inputs = inputsKey(File, Context, Compilations);
  std::optional<SourceTrace> Trace =
      sources(File, Inputs, Context, Compilations, FS);
  // Never seen (or does not preprocess): the analysis records the trace.
  if (!Trace)
    return analyseRecording(Inputs, FS, Analyse);
  std::string Key = resultsKey(Inputs, Trace->Digest);
  std::vector<ClangTidyError> Errors;
  UnitRecord Record;
  if (std::optional<std::string> Blob = Store.get("results", Key))
    // An entry made without the summaries or timelines this run collects
    // is analysed again, and replaced by one that has them.
    if (decodeResults(*Blob, Errors, Record) && recordServesThisRun(Record)) {
      replayUnit(Record);
      ++Hits;
      return Errors;
    }
  Errors.clear();
  Record = UnitRecord();
  {
    RecordingUnit Recording(Record);
    Errors = Analyse(FS);
  }
  // A source edited while it was analysed: the results may be of either
  // version, so they are not kept under the key of the first.
  bool Stable = replayDigest(Trace->Queries, *FS) == Trace->Digest;
  return store(std::move(Key), std::move(Errors), Record, Stable);
}

CacheCounts ResultCache::counts() const {
  return {Hits.load(), Misses.load(), NotStored.load()};
}

} // namespace dbrace::tool
