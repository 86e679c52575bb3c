//===--- DbraceMain.cpp - The dbrace driver -------------------------------===//
//
// A standalone front end built on clang-tidy's own engine with only the
// dbrace module linked in, so `.clang-tidy`, NOLINT, fix application and
// `--export-fixes` behave exactly as in clang-tidy. It adds what CI and
// pre-commit hooks need: an exit status (0 clean, 1 findings, 2 usage,
// configuration or input errors), JSON and SARIF, a baseline, and `-j`.
//
//===----------------------------------------------------------------------===//

#include "AnalysisCache.h"
#include "Baseline.h"
#include "ChangedLines.h"
#include "CheckCatalog.h"
#include "CompilationSetup.h"
#include "DriverError.h"
#include "DriverOptions.h"
#include "ErrorMerge.h"
#include "JsonReport.h"
#include "MergeReports.h"
#include "ParallelRunner.h"
#include "RulesFilesConfig.h"
#include "SarifReport.h"
#include "SourcePositions.h"
#include "Statistics.h"
#include "TextReport.h"
#include "TidyConfigValidation.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "sql/ExplainSql.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tidy;
using namespace ::dbrace::tool;
namespace rulesconfig = clang::tidy::dbrace;

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

/// clang-tidy options: all dbrace checks unless told otherwise; the command
/// line overrides `.clang-tidy` files, as in clang-tidy.
void buildTidyOptions(const DriverOptions &Opts, ClangTidyOptions &Defaults,
                      ClangTidyOptions &Overrides,
                      std::vector<DriverError> &Errors) {
  Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,dbrace-*";
  if (!Opts.Checks.empty())
    Overrides.Checks = Opts.Checks;
  if (!Opts.HeaderFilter.empty())
    Overrides.HeaderFilterRegex = Opts.HeaderFilter;
  if (!Opts.Rules.empty())
    Overrides.CheckOptions["RulesFiles"] =
        ClangTidyOptions::ClangTidyValue(llvm::join(Opts.Rules, ";"));
  rulesconfig::anchorRulesFiles(Overrides.CheckOptions,
                                rulesconfig::launchDirectory());
  if (Opts.Config.empty())
    return;
  std::string Why;
  auto Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Opts.Config, "--config"),
      [&](const llvm::SMDiagnostic &D) {
        if (Why.empty())
          Why = (llvm::Twine(D.getMessage()) + " (at " +
                 llvm::Twine(D.getLineNo()) + ":" +
                 llvm::Twine(D.getColumnNo() + 1) + ")")
                    .str();
      });
  if (!Parsed) {
    Errors.push_back(DriverError::configuration(
        "invalid --config: " +
        (Why.empty() ? Parsed.getError().message() : Why)));
    return;
  }
  Overrides = Overrides.merge(*Parsed, 0);
  rulesconfig::anchorRulesFiles(Overrides.CheckOptions,
                                rulesconfig::launchDirectory());
}

/// Where a rules file came from, for --list-rules and errors.
std::string originOf(const rulesconfig::RulesFileEntry &Entry,
                     const DriverOptions &Opts) {
  if (Entry.ConfigFile.empty())
    return Entry.Key == "RulesFiles" && !Opts.Rules.empty() ? "--rules"
                                                            : "--config";
  if (Entry.Key == "RulesFiles")
    return Entry.ConfigFile;
  return Entry.ConfigFile + " (" + Entry.Key + ")";
}

/// The user's rules files in effect for \p File, each readable; else
/// says which is not, and why, and returns nothing.
std::optional<std::vector<rulesconfig::RulesFileEntry>>
userRulesFor(llvm::StringRef File, const DriverOptions &Opts,
             FileOptionsProvider &Provider, std::string &Error) {
  std::vector<rulesconfig::RulesFileEntry> Entries =
      rulesconfig::allRulesFilesInEffect(Provider.getOptions(File).CheckOptions,
                                         File);
  for (const rulesconfig::RulesFileEntry &Entry : Entries) {
    Error = rulesconfig::unreadableRulesFile(Entry, originOf(Entry, Opts));
    if (!Error.empty())
      return std::nullopt;
  }
  return Entries;
}

/// Every rules file in effect for a file (default: the current directory),
/// with where it comes from: built-in, --rules, --config or a .clang-tidy.
int listRules(const DriverOptions &Opts, const ClangTidyOptions &Defaults,
              const ClangTidyOptions &Overrides) {
  llvm::SmallString<256> Path(Opts.Files.empty() ? "." : Opts.Files.front());
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  // clang-tidy looks for a file's configuration from its folder up; a
  // folder stands for the files in it.
  if (llvm::sys::fs::is_directory(Path))
    llvm::sys::path::append(Path, "-");
  FileOptionsProvider Provider(ClangTidyGlobalOptions(), Defaults, Overrides);
  std::string Error;
  auto Entries = userRulesFor(Path, Opts, Provider, Error);
  if (!Entries) {
    llvm::errs() << "dbrace: error: " << Error << "\n";
    return ExitError;
  }

  auto Print = [](const ::dbrace::LibraryRules &L, llvm::StringRef Origin) {
    llvm::outs() << L.Library << "\t"
                 << ::dbrace::sqlfacts::dialectName(L.Dialect) << "\t"
                 << L.Calls.size() << " calls, " << L.Types.size() << " types\t"
                 << L.SourcePath << "\t" << Origin << "\n";
  };
  ::dbrace::ApiModel Builtin;
  if (!::dbrace::loadModel({}, Builtin, Error)) {
    llvm::errs() << Error << "\n";
    return ExitError;
  }
  for (const ::dbrace::LibraryRules &L : Builtin.libraries())
    Print(L, "built-in");
  for (const rulesconfig::RulesFileEntry &Entry : *Entries) {
    ::dbrace::LibraryRules Rules;
    if (!::dbrace::loadRulesFile(Entry.Path, Rules, Error)) {
      llvm::errs() << Error << "\n";
      return ExitError;
    }
    Print(Rules, originOf(Entry, Opts));
  }
  return ExitClean;
}

/// The rules files each `.clang-tidy` names, checked once up front as the
/// command line's are, rather than as a warning in every file.
void checkConfiguredRules(const std::vector<std::string> &Files,
                          const DriverOptions &Opts,
                          const ClangTidyOptions &Defaults,
                          const ClangTidyOptions &Overrides,
                          std::vector<DriverError> &Errors) {
  FileOptionsProvider Provider(ClangTidyGlobalOptions(), Defaults, Overrides);
  llvm::StringSet<> Folders;
  for (const std::string &File : Files) {
    // Files of one folder share their configuration.
    if (!Folders.insert(llvm::sys::path::parent_path(File)).second)
      continue;
    std::string Error;
    auto Entries = userRulesFor(File, Opts, Provider, Error);
    if (!Entries) {
      Errors.push_back(DriverError::configuration(Error));
      return;
    }
    ::dbrace::ModelOptions ModelOpts;
    for (const rulesconfig::RulesFileEntry &Entry : *Entries)
      ModelOpts.RulesFiles.push_back(Entry.Path);
    if (!::dbrace::sharedModel(ModelOpts, Error)) {
      Errors.push_back(DriverError::fromText(Error));
      return;
    }
  }
}

/// As clang-tidy's --dump-config: the options in effect, every check's
/// options with their defaults filled in.
int dumpConfig(const DriverOptions &Opts, const ClangTidyOptions &Defaults,
               const ClangTidyOptions &Overrides) {
  llvm::SmallString<256> Path;
  if (!Opts.Files.empty())
    Path = Opts.Files.front();
  else if (std::error_code EC = llvm::sys::fs::current_path(Path)) {
    llvm::errs() << "dbrace: error: " << EC.message() << "\n";
    return ExitError;
  }
  llvm::sys::fs::make_absolute(Path);
  FileOptionsProvider Provider(ClangTidyGlobalOptions(), Defaults, Overrides);
  ClangTidyOptions Effective = Provider.getOptions(Path);
  Effective.CheckOptions =
      getCheckOptions(Effective, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  llvm::outs() << configurationAsText(Effective) << "\n";
  return ExitClean;
}

std::string renderReport(const DriverOptions &Opts,
                         const std::vector<ClangTidyError> &Errors,
                         SourcePositions &Sources) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Opts.Format == OutputFormat::Json)
    writeJsonReport(Errors, Sources, OS);
  else
    writeSarifReport(Errors, Sources, {DBRACE_VERSION, Opts.DocsUrl}, OS);
  return Text;
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
  if (Opts.Format != OutputFormat::Text) {
    SourcePositions Sources(Opts.SourceRoot);
    writeText(Opts.Output, renderReport(Opts, asDiagnostics(Errors), Sources));
  }
  return ExitError;
}

/// Rules errors are configuration errors: found once, up front, not once
/// per file and check.
void checkRules(const DriverOptions &Opts, std::vector<DriverError> &Errors) {
  ::dbrace::ModelOptions ModelOpts;
  for (const std::string &Written : Opts.Rules) {
    llvm::SmallString<256> Path(Written);
    llvm::sys::fs::make_absolute(rulesconfig::launchDirectory(), Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    rulesconfig::RulesFileEntry Entry{Written, std::string(Path), "RulesFiles",
                                      ""};
    if (std::string Error = rulesconfig::unreadableRulesFile(Entry, "--rules");
        !Error.empty()) {
      Errors.push_back(DriverError::configuration(Error));
      return;
    }
    ModelOpts.RulesFiles.push_back(Entry.Path);
  }
  std::string Error;
  if (!::dbrace::sharedModel(ModelOpts, Error))
    Errors.push_back(DriverError::fromText(Error));
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

int run(DriverOptions &Opts) {

  if (Opts.ListChecks)
    return listChecks();

  std::vector<DriverError> Problems;
  std::optional<ChangedLines> Changed;
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
  checkRules(Opts, Problems);
  ClangTidyOptions Defaults, Overrides;
  buildTidyOptions(Opts, Defaults, Overrides, Problems);
  if (Opts.DumpConfig)
    return Problems.empty() ? dumpConfig(Opts, Defaults, Overrides)
                            : fail(Opts, Problems);
  if (Opts.ListRules)
    return Problems.empty() ? listRules(Opts, Defaults, Overrides)
                            : fail(Opts, Problems);
  std::optional<Baseline> Accepted = loadBaseline(Opts, Problems);
  CompilationSetup Setup = loadCompilations(Opts, Problems);
  if (Opts.Shard)
    Setup.Files = selectShard(Setup.Files, Opts.SourceRoot, *Opts.Shard);
  if (!Opts.Diff.empty() && Problems.empty()) {
    llvm::Expected<ChangedLines> Loaded = ChangedLines::load(Opts.Diff);
    if (!Loaded) {
      Problems.push_back(
          DriverError::configuration(llvm::toString(Loaded.takeError())));
    } else {
      Changed = std::move(*Loaded);
      Setup.Files = Changed->select(Setup.Files, *Setup.Compilations);
      if (Setup.Files.empty()) {
        if (!Opts.Quiet)
          llvm::errs() << "dbrace: the change touches no file to analyse\n";
        return ExitClean;
      }
    }
  }
  // The .clang-tidy files are validated first: reading the rules files they
  // name goes through clang-tidy's loader, which prints its own parse errors.
  if (Problems.empty()) {
    TidyConfigInput Config{Defaults, Overrides,
                           Opts.Checks.empty() ? "--config" : "--checks"};
    Problems = validateTidyConfig(Setup.Files, Config);
  }
  if (Problems.empty())
    checkConfiguredRules(Setup.Files, Opts, Defaults, Overrides, Problems);
  if (!Problems.empty())
    return fail(Opts, Problems);

  ClangTidyGlobalOptions Global;
  ContextFactory MakeContext =
      [&](llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
        return std::make_unique<ClangTidyContext>(
            std::make_unique<FileOptionsProvider>(Global, Defaults, Overrides,
                                                  std::move(FS)));
      };
  RunOptions Running;
  Running.Jobs = Opts.Jobs
                     ? Opts.Jobs
                     : llvm::hardware_concurrency().compute_thread_count();
  Running.Progress =
      Opts.Progress || llvm::sys::Process::StandardErrIsDisplayed();
  std::vector<std::vector<ClangTidyError>> PerFile =
      runOnFiles(*Setup.Compilations, Setup.Files, MakeContext, Running);
  std::vector<std::string> Hints;
  for (size_t I = 0; I < PerFile.size(); ++I)
    if (llvm::any_of(PerFile[I], [](const ClangTidyError &E) {
          return E.DiagLevel == ClangTidyError::Error;
        }))
      if (std::optional<std::string> Hint =
              headerLanguageHint(*Setup.Compilations, Setup.Files[I]))
        Hints.push_back(std::move(*Hint));
  std::vector<ClangTidyError> Errors = mergeFileResults(std::move(PerFile));

  // A bad check option is only a warning in clang-tidy; in CI it would
  // silently run the check with its default, so it counts as an error.
  unsigned InputErrors = llvm::count_if(Errors, [](const ClangTidyError &E) {
    return !isFinding(E) && (E.DiagLevel == ClangTidyError::Error ||
                             E.DiagnosticName == "clang-tidy-config");
  });
  std::vector<ClangTidyError> ConfigErrors =
      asDiagnostics(takeConfigErrors(Errors));
  SourcePositions Sources(Opts.SourceRoot);
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::unique_ptr<ClangTidyContext> Context = MakeContext(FS);

  if (!Opts.WriteBaseline.empty()) {
    if (InputErrors) {
      // A baseline of a partial run would hide nothing in the files that
      // failed and everything once they compile again: refuse it.
      printAndFix(Errors, *Context, /*Fix=*/false, FS, /*ToStderr=*/false);
      printHints(Hints);
      llvm::errs() << "dbrace: error: not writing a baseline: some files "
                      "could not be analysed\n";
      return ExitError;
    }
    unsigned Written = 0;
    if (llvm::Error E =
            writeBaseline(Opts.WriteBaseline, Errors, Sources, Written)) {
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

  if (Changed)
    Changed->filter(Errors, Sources);
  unsigned Baselined = Accepted ? Accepted->filter(Errors, Sources) : 0;
  unsigned Findings = llvm::count_if(Errors, isFinding);

  // Positions are read before --fix rewrites the files.
  std::string Report;
  if (Opts.Format != OutputFormat::Text) {
    std::vector<ClangTidyError> Reported = ConfigErrors;
    Reported.insert(Reported.end(), Errors.begin(), Errors.end());
    Report = renderReport(Opts, Reported, Sources);
  }
  if (Opts.Format == OutputFormat::Text || Opts.Fix)
    printAndFix(Errors, *Context, Opts.Fix, FS,
                /*ToStderr=*/Opts.Format != OutputFormat::Text);
  if (Opts.Format != OutputFormat::Text && !writeText(Opts.Output, Report))
    return ExitError;

  if (!Opts.ExportFixes.empty()) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Opts.ExportFixes, EC, llvm::sys::fs::OF_None);
    if (EC) {
      llvm::errs() << "dbrace: error: cannot write '" << Opts.ExportFixes
                   << "': " << EC.message() << "\n";
      return ExitError;
    }
    exportReplacements(Setup.Files.empty() ? "" : Setup.Files.front(), Errors,
                       OS);
  }

  printHints(Hints);
  if (!Opts.Quiet) {
    if (Findings)
      llvm::errs() << Findings << " dbrace "
                   << plural(Findings, "finding", "findings") << ".\n";
    if (Accepted) {
      llvm::errs() << Baselined << " "
                   << plural(Baselined, "finding", "findings")
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
  }
  if (InputErrors)
    return ExitError;
  // Once fixed, the findings are gone; a second run shows what remains.
  return Findings ? ExitFindings : ExitClean;
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
