//===--- DbraceMain.cpp - The dbrace driver -------------------------------===//
//
// A standalone front end built on clang-tidy's own engine with only the
// dbrace module linked in, so `.clang-tidy`, NOLINT, fix application and
// `--export-fixes` behave exactly as in clang-tidy. It adds what CI and
// pre-commit hooks need: an exit status (0 clean, 1 findings, 2 usage,
// configuration or input errors), JSON and SARIF, a baseline, and `-j`.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "CacheOptions.h"
#include "ChangedLines.h"
#include "CheckCatalog.h"
#include "CompilationSetup.h"
#include "Configuration.h"
#include "DriverError.h"
#include "DriverOptions.h"
#include "ErrorMerge.h"
#include "Explain.h"
#include "HtmlReport.h"
#include "JsonReport.h"
#include "MergeReports.h"
#include "ParallelRunner.h"
#include "RuleWarnings.h"
#include "SarifReport.h"
#include "SourcePositions.h"
#include "Statistics.h"
#include "TextReport.h"
#include "TidyConfigValidation.h"
#include "Timelines.h"
#include "WholeProgram.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "sql/ExplainSql.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tidy;
using namespace ::dbrace::tool;

extern volatile int DbraceModuleAnchorSource;
[[maybe_unused]] static int DbraceModuleAnchorDestination =
    DbraceModuleAnchorSource;

namespace {

constexpr int ExitClean = 0, ExitFindings = 1, ExitError = 2;

int listChecks() {
  for (const CheckInfo &C : dbraceChecks())
    llvm::outs() << C.Name << "\t" << C.Summary << "\n";
  return ExitClean;
}

std::string renderReport(const DriverOptions &Opts,
                         const std::vector<ClangTidyError> &Errors,
                         SourcePositions &Sources,
                         const TimelineSession *Timelines = nullptr) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Opts.Format == OutputFormat::Json)
    writeJsonReport(Errors, Sources, OS, Opts.Timeline ? Timelines : nullptr);
  else
    writeSarifReport(Errors, Sources, {DBRACE_VERSION, Opts.DocsUrl, Timelines},
                     OS);
  return Text;
}

/// The HTML report's folder; false (said on stderr) when it cannot be
/// written.
bool writeHtml(const DriverOptions &Opts,
               const std::vector<ClangTidyError> &Errors,
               SourcePositions &Sources, const TimelineSession *Timelines) {
  if (llvm::Error E =
          writeHtmlReport(Opts.Output, Errors, Sources, Timelines)) {
    llvm::errs() << "dbrace: error: cannot write the HTML report to '"
                 << Opts.Output << "': " << llvm::toString(std::move(E))
                 << "\n";
    return false;
  }
  return true;
}

bool writeText(llvm::StringRef Path, llvm::StringRef Text) {
  if (Path.empty()) {
    llvm::outs() << Text;
    llvm::outs().flush();
    return true;
  }
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        OS << Text;
        return llvm::Error::success();
      })) {
    llvm::errs() << "dbrace: error: cannot write '" << Path
                 << "': " << llvm::toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

/// Why files failed to compile, where the driver can tell.
void printHints(const std::vector<std::string> &Hints) {
  for (const std::string &Hint : Hints)
    llvm::errs() << "dbrace: note: " << Hint << "\n";
}

const char *plural(unsigned N, const char *One, const char *Many) {
  return N == 1 ? One : Many;
}

/// The one way out for errors found before the analysis: each as one line
/// on stderr and, with --format=json or sarif, in the report, so that a CI
/// step uploading it has a file saying what went wrong.
int fail(const DriverOptions &Opts, const std::vector<DriverError> &Errors) {
  for (const DriverError &E : Errors)
    llvm::errs() << E.text() << "\n";
  SourcePositions Sources(Opts.SourceRoot);
  if (Opts.Format == OutputFormat::Html)
    writeHtml(Opts, asDiagnostics(Errors), Sources, nullptr);
  else if (Opts.Format != OutputFormat::Text)
    writeText(Opts.Output, renderReport(Opts, asDiagnostics(Errors), Sources));
  return ExitError;
}

std::optional<Baseline> loadBaseline(const DriverOptions &Opts,
                                     std::vector<DriverError> &Errors) {
  if (Opts.Baseline.empty())
    return std::nullopt;
  llvm::Expected<Baseline> Loaded = Baseline::load(Opts.Baseline);
  if (!Loaded) {
    Errors.push_back(DriverError::fromText(llvm::toString(Loaded.takeError())));
    return std::nullopt;
  }
  return std::move(*Loaded);
}

/// clang-tidy's own configuration errors (an invalid option value, a rules
/// file named in `.clang-tidy` that cannot be read), found while analysing:
/// clang-tidy prints each as `error: ... [clang-tidy-config]`, once per
/// check and file. They are taken out of \p Errors and printed once each,
/// as one line on stderr; the report gets them back as DriverErrors.
std::vector<DriverError> takeConfigErrors(std::vector<ClangTidyError> &Errors) {
  std::vector<DriverError> Config;
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    if (E.DiagnosticName != "clang-tidy-config")
      return false;
    DriverError D = DriverError::fromText(E.Message.Message);
    if (llvm::none_of(Config, [&](const DriverError &Seen) {
          return Seen.text() == D.text();
        }))
      Config.push_back(std::move(D));
    return true;
  });
  for (const DriverError &E : Config)
    llvm::errs() << E.text() << "\n";
  return Config;
}

/// Options that contradict each other.
std::vector<DriverError> conflictingOptions(const DriverOptions &Opts) {
  std::vector<DriverError> Problems;
  if (!Opts.Diff.empty() && !Opts.WriteBaseline.empty())
    Problems.push_back(DriverError::configuration(
        "--write-baseline records every finding; it cannot be combined with "
        "--diff"));
  if (Opts.Shard && !Opts.WriteBaseline.empty())
    Problems.push_back(DriverError::configuration(
        "--write-baseline records every finding; it cannot be combined with "
        "--shard"));
  if (Opts.Fix && !Opts.WriteBaseline.empty())
    Problems.push_back(DriverError::configuration(
        "--write-baseline records findings; it cannot be combined with --fix"));
  return Problems;
}

/// What the analysis runs on, loaded and checked before any file is
/// analysed.
struct Inputs {
  ClangTidyOptions Defaults, Overrides;
  std::optional<Baseline> Accepted;
  CompilationSetup Setup;
  std::optional<ChangedLines> Changed; ///< With --diff.
  std::optional<ResultCache> Cache;    ///< Unless --no-cache.
};

std::optional<ChangedLines> loadChanges(const DriverOptions &Opts,
                                        std::vector<DriverError> &Problems) {
  llvm::Expected<ChangedLines> Loaded = ChangedLines::load(Opts.Diff);
  if (!Loaded) {
    Problems.push_back(
        DriverError::configuration(llvm::toString(Loaded.takeError())));
    return std::nullopt;
  }
  return std::move(*Loaded);
}

/// The `.clang-tidy` files of the files to analyse, and the rules files
/// they name. The `.clang-tidy` files are validated first: reading the
/// rules files they name goes through clang-tidy's loader, which prints
/// its own parse errors.
void checkConfiguration(const DriverOptions &Opts, const Inputs &In,
                        std::vector<DriverError> &Problems) {
  if (!Problems.empty())
    return;
  TidyConfigInput Config{In.Defaults, In.Overrides,
                         Opts.Checks.empty() ? "--config" : "--checks"};
  Problems = validateTidyConfig(In.Setup.Files, Config);
  if (Problems.empty())
    checkConfiguredRules(In.Setup.Files, Opts, In.Defaults, In.Overrides,
                         Problems);
}

/// A context that reads `.clang-tidy` files through \p FS, over the
/// command line's options.
std::unique_ptr<ClangTidyContext>
makeContext(const ClangTidyOptions &Defaults, const ClangTidyOptions &Overrides,
            llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  return std::make_unique<ClangTidyContext>(
      std::make_unique<FileOptionsProvider>(ClangTidyGlobalOptions(), Defaults,
                                            Overrides, std::move(FS)));
}

std::unique_ptr<ClangTidyContext>
makeContext(const Inputs &In,
            llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  return makeContext(In.Defaults, In.Overrides, std::move(FS));
}

/// What the analysis of the files found, as one clang-tidy run over them
/// would have it.
struct Analysis {
  std::vector<ClangTidyError> Errors;
  /// clang-tidy's configuration errors, once each, for the report.
  std::vector<ClangTidyError> ConfigErrors;
  /// Why files failed to compile, where the driver can tell.
  std::vector<std::string> Hints;
  /// Files that could not be analysed and bad check options.
  unsigned InputErrors = 0;
};

std::vector<std::string>
hintsForFailures(const CompilationSetup &Setup,
                 const std::vector<std::vector<ClangTidyError>> &PerFile) {
  std::vector<std::string> Hints;
  for (size_t I = 0; I < PerFile.size(); ++I)
    if (llvm::any_of(PerFile[I], [](const ClangTidyError &E) {
          return E.DiagLevel == ClangTidyError::Error;
        }))
      if (std::optional<std::string> Hint =
              headerLanguageHint(*Setup.Compilations, Setup.Files[I]))
        Hints.push_back(std::move(*Hint));
  return Hints;
}

/// Whole-program mode: over more than one file, unless turned off or the
/// run sees only part of the code (a shard, a diff) or explains one file.
bool wholeProgram(const DriverOptions &Opts, const Inputs &In) {
  return !Opts.SingleTu && !Opts.ReadSummaries && In.Setup.Files.size() > 1 &&
         !Opts.Explain && !Opts.Shard && !In.Changed;
}

/// The options with \p SummaryFile loaded as the check option
/// `SummaryFiles`, as the plugin reads it.
ClangTidyOptions withSummaries(const ClangTidyOptions &Overrides,
                               const std::string &SummaryFile) {
  ClangTidyOptions With = Overrides;
  With.CheckOptions["SummaryFiles"] =
      ClangTidyOptions::ClangTidyValue(SummaryFile);
  return With;
}

/// A summaries file the run writes, and removes unless --summaries named it.
struct SummaryFile {
  std::string Path;
  bool Temporary = false;
  ~SummaryFile() {
    if (Temporary)
      llvm::sys::fs::remove(Path);
  }
};

/// A shard's part of a whole-program run's first pass: its units' exports
/// written to --summaries for `dbrace merge`. Its findings are not final
/// (the second pass, with every shard's summaries, reports), so only what
/// stops the analysis is reported: a file that does not compile.
std::vector<std::vector<ClangTidyError>>
runShardFirstPass(const DriverOptions &Opts, const Inputs &In,
                  const ContextFactory &Single, const RunOptions &Running,
                  std::vector<DriverError> &Problems) {
  FirstPass Pass = runFirstPass(*In.Setup.Compilations, In.Setup.Files, Single,
                                Running, Opts.SourceRoot);
  std::string Error;
  if (!writeShardSummaries(Pass.Units, Opts.Summaries, Error))
    Problems.push_back(DriverError::fromText(Error));
  for (std::vector<ClangTidyError> &Errors : Pass.PerFile)
    llvm::erase_if(Errors, isFinding);
  return std::move(Pass.PerFile);
}

std::vector<std::vector<ClangTidyError>>
runPasses(const DriverOptions &Opts, Inputs &In, const RunOptions &Running,
          std::vector<DriverError> &Problems) {
  ContextFactory Single =
      [&In](llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
        return makeContext(In, std::move(FS));
      };
  if (Opts.ReadSummaries)
    In.Overrides = withSummaries(In.Overrides, Opts.Summaries);
  if (Opts.Shard && !Opts.Summaries.empty() && !Opts.ReadSummaries)
    return runShardFirstPass(Opts, In, Single, Running, Problems);
  if (!wholeProgram(Opts, In))
    return runOnFiles(*In.Setup.Compilations, In.Setup.Files, Single, Running);
  SummaryFile Summaries{Opts.Summaries, Opts.Summaries.empty()};
  if (Summaries.Temporary) {
    llvm::SmallString<128> Path;
    if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
            "dbrace-summaries", "yaml", Path)) {
      Problems.push_back(DriverError::fromText(
          "dbrace: error: cannot create a summaries file: " + EC.message()));
      return {};
    }
    Summaries.Path = std::string(Path);
  }
  SummariesContextFactory Second = [&In](const std::string &File) {
    return ContextFactory(
        [&In, With = withSummaries(In.Overrides, File)](
            llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
          return makeContext(In.Defaults, With, std::move(FS));
        });
  };
  WholeProgramRun Run =
      runWholeProgram(*In.Setup.Compilations, In.Setup.Files, Single, Second,
                      Running, Opts.SourceRoot, Summaries.Path);
  if (!Run.Error.empty())
    Problems.push_back(DriverError::fromText(Run.Error));
  return std::move(Run.PerFile);
}

Analysis analyse(const DriverOptions &Opts, Inputs &In,
                 std::vector<DriverError> &Problems) {
  RunOptions Running;
  Running.Jobs = Opts.Jobs
                     ? Opts.Jobs
                     : llvm::hardware_concurrency().compute_thread_count();
  Running.Progress =
      Opts.Progress || llvm::sys::Process::StandardErrIsDisplayed();
  Running.Cache = In.Cache ? &*In.Cache : nullptr;
  std::vector<std::vector<ClangTidyError>> PerFile =
      runPasses(Opts, In, Running, Problems);
  Analysis Result;
  Result.Hints = hintsForFailures(In.Setup, PerFile);
  Result.Errors = mergeFileResults(std::move(PerFile));
  // A bad check option is only a warning in clang-tidy; in CI it would
  // silently run the check with its default, so it counts as an error.
  Result.InputErrors =
      llvm::count_if(Result.Errors, [](const ClangTidyError &E) {
        return !isFinding(E) && (E.DiagLevel == ClangTidyError::Error ||
                                 E.DiagnosticName == "clang-tidy-config");
      });
  Result.ConfigErrors = asDiagnostics(takeConfigErrors(Result.Errors));
  return Result;
}

/// clang-tidy's text for \p Errors and, with \p Fix, their fixes applied,
/// with the options in effect.
void printAndFixAsConfigured(const Inputs &In,
                             const std::vector<ClangTidyError> &Errors,
                             bool Fix, bool ToStderr) {
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::unique_ptr<ClangTidyContext> Context = makeContext(In, FS);
  printAndFix(Errors, *Context, Fix, FS, ToStderr);
}

/// --timeline in text: each diagnostic as clang-tidy prints it, then its
/// timeline. With --fix, clang-tidy prints and fixes them all at once, and
/// the timelines follow.
void printWithTimelines(const Inputs &In,
                        const std::vector<ClangTidyError> &Errors, bool Fix,
                        const TimelineSession &Timelines,
                        SourcePositions &Sources) {
  auto Print = [&](const ClangTidyError &E) {
    if (const ::dbrace::timeline::Timeline *T = Timelines.find(E)) {
      llvm::outs()
          << Sources.displayPath(E.Message.FilePath) << ":"
          << Sources.position(E.Message.FilePath, E.Message.FileOffset).Line
          << ": " << E.DiagnosticName << ":\n";
      printTimeline(*T, E.DiagnosticName, Sources, llvm::outs());
    }
  };
  if (Fix) {
    printAndFixAsConfigured(In, Errors, /*Fix=*/true, /*ToStderr=*/false);
    llvm::for_each(Errors, Print);
    return;
  }
  for (const ClangTidyError &E : Errors) {
    printAndFixAsConfigured(In, {E}, /*Fix=*/false, /*ToStderr=*/false);
    llvm::outs().flush();
    if (const ::dbrace::timeline::Timeline *T = Timelines.find(E))
      printTimeline(*T, E.DiagnosticName, Sources, llvm::outs());
  }
  llvm::outs().flush();
}

/// --write-baseline: every finding of a complete run.
int recordBaseline(const DriverOptions &Opts, const Inputs &In,
                   const Analysis &Result) {
  if (Result.InputErrors) {
    // A baseline of a partial run would hide nothing in the files that
    // failed and everything once they compile again: refuse it.
    printAndFixAsConfigured(In, Result.Errors, /*Fix=*/false,
                            /*ToStderr=*/false);
    printHints(Result.Hints);
    llvm::errs() << "dbrace: error: not writing a baseline: some files "
                    "could not be analysed\n";
    return ExitError;
  }
  SourcePositions Sources(Opts.SourceRoot);
  unsigned Written = 0;
  if (llvm::Error E =
          writeBaseline(Opts.WriteBaseline, Result.Errors, Sources, Written)) {
    llvm::errs() << "dbrace: error: cannot write '" << Opts.WriteBaseline
                 << "': " << llvm::toString(std::move(E)) << "\n";
    return ExitError;
  }
  if (!Opts.Quiet)
    llvm::errs() << "dbrace: recorded " << Written << " "
                 << plural(Written, "finding", "findings") << " in "
                 << Opts.WriteBaseline << "\n";
  return ExitClean;
}

bool exportFixes(llvm::StringRef Path, const std::vector<std::string> &Files,
                 const std::vector<ClangTidyError> &Errors) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC) {
    llvm::errs() << "dbrace: error: cannot write '" << Path
                 << "': " << EC.message() << "\n";
    return false;
  }
  exportReplacements(Files.empty() ? "" : Files.front(), Errors, OS);
  return true;
}

/// The text, JSON, SARIF or HTML report, --fix and --export-fixes. False
/// when a file cannot be written.
bool writeOutputs(const DriverOptions &Opts, const Inputs &In,
                  const Analysis &Result, SourcePositions &Sources,
                  const TimelineSession *Timelines) {
  // Positions are read, and the HTML pages written, before --fix rewrites
  // the files.
  std::string Report;
  std::vector<ClangTidyError> Reported = Result.ConfigErrors;
  Reported.insert(Reported.end(), Result.Errors.begin(), Result.Errors.end());
  if (Opts.Format == OutputFormat::Html) {
    if (!writeHtml(Opts, Reported, Sources, Timelines))
      return false;
  } else if (Opts.Format != OutputFormat::Text) {
    Report = renderReport(Opts, Reported, Sources, Timelines);
  }
  if (Opts.Format == OutputFormat::Text && Opts.Timeline && Timelines)
    printWithTimelines(In, Result.Errors, Opts.Fix, *Timelines, Sources);
  else if (Opts.Format == OutputFormat::Text || Opts.Fix)
    printAndFixAsConfigured(In, Result.Errors, Opts.Fix,
                            /*ToStderr=*/Opts.Format != OutputFormat::Text);
  if (Opts.Format != OutputFormat::Text && Opts.Format != OutputFormat::Html &&
      !writeText(Opts.Output, Report))
    return false;
  return Opts.ExportFixes.empty() ||
         exportFixes(Opts.ExportFixes, In.Setup.Files, Result.Errors);
}

/// How many findings there are, how many the baseline hid, and how many
/// functions the analysis gave up on.
void printSummary(const DriverOptions &Opts, const Baseline *Accepted,
                  unsigned Findings, unsigned Baselined) {
  if (Findings)
    llvm::errs() << Findings << " dbrace "
                 << plural(Findings, "finding", "findings") << ".\n";
  if (Accepted) {
    llvm::errs() << Baselined << " " << plural(Baselined, "finding", "findings")
                 << " matched the baseline";
    // A shard sees only its files: the others' entries are not stale.
    if (unsigned Stale = Opts.Shard ? 0 : Accepted->unused())
      llvm::errs() << "; " << Stale << " baseline "
                   << plural(Stale, "entry matches", "entries match")
                   << " nothing (fixed? rewrite it with --write-baseline)";
    llvm::errs() << ".\n";
  }
  if (unsigned Skipped = ::dbrace::functionsNotAnalysed())
    llvm::errs() << Skipped << " "
                 << plural(Skipped, "function was", "functions were")
                 << " not analysed: their control flow did not settle "
                    "within the analysis budget.\n";
  if (unsigned Unread = ::dbrace::statementsNotUnderstood())
    llvm::errs() << Unread << " " << plural(Unread, "statement", "statements")
                 << " not understood; see --explain.\n";
}

/// The findings that are new (on changed lines, not in the baseline),
/// reported as asked.
int report(const DriverOptions &Opts, Inputs &In, Analysis &Result,
           const TimelineSession *Timelines) {
  SourcePositions Sources(Opts.SourceRoot);
  if (In.Changed)
    In.Changed->filter(Result.Errors, Sources);
  unsigned Baselined =
      In.Accepted ? In.Accepted->filter(Result.Errors, Sources) : 0;
  unsigned Findings = llvm::count_if(Result.Errors, isFinding);
  if (!writeOutputs(Opts, In, Result, Sources, Timelines))
    return ExitError;
  printHints(Result.Hints);
  // A shard or a diff sees part of the code: a rule used elsewhere is fine.
  printRuleWarnings(llvm::errs(),
                    /*WholeRun=*/!Opts.Shard && !In.Changed &&
                        !Result.InputErrors);
  if (!Opts.Quiet)
    printSummary(Opts, In.Accepted ? &*In.Accepted : nullptr, Findings,
                 Baselined);
  if (Result.InputErrors)
    return ExitError;
  // Once fixed, the findings are gone; a second run shows what remains.
  return Findings ? ExitFindings : ExitClean;
}

/// --explain: the explanation on stdout, status 0; a file that does not
/// compile is reported as without it (status 2).
int explain(ExplainSession &Session, const Inputs &In, const Analysis &Result) {
  if (Result.InputErrors) {
    printAndFixAsConfigured(In, Result.Errors, /*Fix=*/false,
                            /*ToStderr=*/true);
    printHints(Result.Hints);
    return ExitError;
  }
  Session.print(Result.Errors, llvm::outs());
  // One file is no whole run: only what the analysis found about the rules.
  printRuleWarnings(llvm::errs(), /*WholeRun=*/false);
  return ExitClean;
}

int run(DriverOptions &Opts) {
  if (Opts.ListChecks)
    return listChecks();
  std::vector<DriverError> Problems = conflictingOptions(Opts);
  checkRules(Opts, Problems);
  checkSchemas(Opts, Problems);
  Inputs In;
  buildTidyOptions(Opts, In.Defaults, In.Overrides, Problems);
  if (Opts.DumpConfig || Opts.ListRules) {
    if (!Problems.empty())
      return fail(Opts, Problems);
    bool Printed = Opts.DumpConfig ? dumpConfig(Opts, In.Defaults, In.Overrides)
                                   : listRules(Opts, In.Defaults, In.Overrides);
    return Printed ? ExitClean : ExitError;
  }
  In.Accepted = loadBaseline(Opts, Problems);
  In.Setup = loadCompilations(Opts, Problems);
  if (Opts.Shard)
    In.Setup.Files = selectShard(In.Setup.Files, Opts.SourceRoot, *Opts.Shard);
  if (!Opts.Diff.empty() && Problems.empty()) {
    In.Changed = loadChanges(Opts, Problems);
    if (In.Changed) {
      In.Setup.Files =
          In.Changed->select(In.Setup.Files, *In.Setup.Compilations);
      if (In.Setup.Files.empty()) {
        if (!Opts.Quiet)
          llvm::errs() << "dbrace: the change touches no file to analyse\n";
        return ExitClean;
      }
    }
  }
  checkConfiguration(Opts, In, Problems);
  openResultCache(Opts, In.Cache, Problems);
  if (!Problems.empty())
    return fail(Opts, Problems);
  collectRuleWarnings();
  std::optional<ExplainSession> Explaining;
  if (Opts.Explain)
    Explaining.emplace(*Opts.Explain);
  std::optional<TimelineSession> Timelines;
  if (Opts.Timeline || Opts.Format == OutputFormat::Sarif ||
      Opts.Format == OutputFormat::Html)
    Timelines.emplace();
  Analysis Result = analyse(Opts, In, Problems);
  if (Opts.Stats)
    printCacheStats(In.Cache, llvm::errs());
  if (!Problems.empty())
    return fail(Opts, Problems);
  if (Explaining)
    return explain(*Explaining, In, Result);
  if (!Opts.WriteBaseline.empty())
    return recordBaseline(Opts, In, Result);
  return report(Opts, In, Result, Timelines ? &*Timelines : nullptr);
}

} // namespace

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  if (argc >= 2 && llvm::StringRef(argv[1]) == "merge") {
    std::vector<llvm::StringRef> Args(argv + 2, argv + argc);
    return mergeMain(Args, llvm::outs(), llvm::errs());
  }
  if (argc >= 2 && llvm::StringRef(argv[1]) == "explain-sql") {
    std::vector<llvm::StringRef> Args(argv + 2, argv + argc);
    return ::dbrace::sqlfacts::explainSqlMain(Args, llvm::outs(), llvm::errs());
  }
  std::optional<DriverOptions> Opts =
      parseDriverOptions(argc, argv, llvm::errs());
  if (!Opts)
    return ExitError;
  return run(*Opts);
}
