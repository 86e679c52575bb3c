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
#include "CompilationSetup.h"
#include "DriverOptions.h"
#include "ErrorMerge.h"
#include "JsonReport.h"
#include "ParallelRunner.h"
#include "RulesFilesConfig.h"
#include "SarifReport.h"
#include "SourcePositions.h"
#include "TextReport.h"
#include "sql/ExplainSql.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
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

/// clang-tidy options: all dbrace checks unless told otherwise; the command
/// line overrides `.clang-tidy` files, as in clang-tidy.
bool buildTidyOptions(const DriverOptions &Opts, ClangTidyOptions &Defaults,
                      ClangTidyOptions &Overrides) {
  Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,dbrace-*";
  if (!Opts.Checks.empty())
    Overrides.Checks = Opts.Checks;
  if (!Opts.HeaderFilter.empty())
    Overrides.HeaderFilterRegex = Opts.HeaderFilter;
  if (!Opts.Rules.empty())
    Overrides.CheckOptions["RulesFiles"] =
        ClangTidyOptions::ClangTidyValue(llvm::join(Opts.Rules, ";"));
  rulesconfig::anchorRulesFiles(Overrides.CheckOptions, rulesconfig::launchDirectory());
  if (Opts.Config.empty())
    return true;
  auto Parsed =
      parseConfiguration(llvm::MemoryBufferRef(Opts.Config, "--config"));
  if (!Parsed) {
    llvm::errs() << "dbrace: error: invalid --config: "
                 << Parsed.getError().message() << "\n";
    return false;
  }
  Overrides = Overrides.merge(*Parsed, 0);
  rulesconfig::anchorRulesFiles(Overrides.CheckOptions, rulesconfig::launchDirectory());
  return true;
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
             FileOptionsProvider &Provider) {
  std::vector<rulesconfig::RulesFileEntry> Entries = rulesconfig::allRulesFilesInEffect(
      Provider.getOptions(File).CheckOptions, File);
  for (const rulesconfig::RulesFileEntry &Entry : Entries)
    if (std::string Error =
            rulesconfig::unreadableRulesFile(Entry, originOf(Entry, Opts));
        !Error.empty()) {
      llvm::errs() << "dbrace: error: " << Error << "\n";
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
  auto Entries = userRulesFor(Path, Opts, Provider);
  if (!Entries)
    return ExitError;

  auto Print = [](const ::dbrace::LibraryRules &L, llvm::StringRef Origin) {
    llvm::outs() << L.Library << "\t"
                 << ::dbrace::sqlfacts::dialectName(L.Dialect) << "\t"
                 << L.Calls.size() << " calls, " << L.Types.size()
                 << " types\t" << L.SourcePath << "\t" << Origin << "\n";
  };
  ::dbrace::ApiModel Builtin;
  std::string Error;
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
bool checkConfiguredRules(const std::vector<std::string> &Files,
                          const DriverOptions &Opts,
                          const ClangTidyOptions &Defaults,
                          const ClangTidyOptions &Overrides) {
  FileOptionsProvider Provider(ClangTidyGlobalOptions(), Defaults, Overrides);
  llvm::StringSet<> Folders;
  for (const std::string &File : Files) {
    // Files of one folder share their configuration.
    if (!Folders.insert(llvm::sys::path::parent_path(File)).second)
      continue;
    auto Entries = userRulesFor(File, Opts, Provider);
    if (!Entries)
      return false;
    ::dbrace::ModelOptions ModelOpts;
    for (const rulesconfig::RulesFileEntry &Entry : *Entries)
      ModelOpts.RulesFiles.push_back(Entry.Path);
    std::string Error;
    if (!::dbrace::sharedModel(ModelOpts, Error)) {
      llvm::errs() << Error << "\n";
      return false;
    }
  }
  return true;
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

const char *plural(unsigned N, const char *One, const char *Many) {
  return N == 1 ? One : Many;
}

int run(DriverOptions &Opts) {
  if (!Opts.Diff.empty() && !Opts.WriteBaseline.empty()) {
    llvm::errs() << "dbrace: error: --write-baseline records every finding; "
                    "it cannot be combined with --diff\n";
    return ExitError;
  }
  if (Opts.Fix && !Opts.WriteBaseline.empty()) {
    llvm::errs() << "dbrace: error: --write-baseline records findings; it "
                    "cannot be combined with --fix\n";
    return ExitError;
  }

  // Rules errors are configuration errors: report them once, up front.
  {
    ::dbrace::ModelOptions ModelOpts;
    for (const std::string &Written : Opts.Rules) {
      llvm::SmallString<256> Path(Written);
      llvm::sys::fs::make_absolute(rulesconfig::launchDirectory(), Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      rulesconfig::RulesFileEntry Entry{Written, std::string(Path), "RulesFiles", ""};
      if (std::string Error = rulesconfig::unreadableRulesFile(Entry, "--rules");
          !Error.empty()) {
        llvm::errs() << "dbrace: error: " << Error << "\n";
        return ExitError;
      }
      ModelOpts.RulesFiles.push_back(Entry.Path);
    }
    std::string Error;
    if (!::dbrace::sharedModel(ModelOpts, Error)) {
      llvm::errs() << Error << "\n";
      return ExitError;
    }
  }

  ClangTidyOptions Defaults, Overrides;
  if (!buildTidyOptions(Opts, Defaults, Overrides))
    return ExitError;
  if (Opts.DumpConfig)
    return dumpConfig(Opts, Defaults, Overrides);
  if (Opts.ListRules)
    return listRules(Opts, Defaults, Overrides);

  std::string Error;
  CompilationSetup Setup = loadCompilations(Opts, Error);
  if (!Setup.Compilations) {
    llvm::errs() << "dbrace: error: " << Error << "\n";
    return ExitError;
  }
  std::optional<ChangedLines> Changed;
  if (!Opts.Diff.empty()) {
    llvm::Expected<ChangedLines> Loaded = ChangedLines::load(Opts.Diff);
    if (!Loaded) {
      llvm::errs() << "dbrace: error: " << llvm::toString(Loaded.takeError())
                   << "\n";
      return ExitError;
    }
    Changed = std::move(*Loaded);
    Setup.Files = Changed->select(Setup.Files, *Setup.Compilations);
    if (Setup.Files.empty()) {
      if (!Opts.Quiet)
        llvm::errs() << "dbrace: the change touches no file to analyse\n";
      return ExitClean;
    }
  }
  if (!checkConfiguredRules(Setup.Files, Opts, Defaults, Overrides))
    return ExitError;

  std::optional<Baseline> Accepted;
  if (!Opts.Baseline.empty()) {
    llvm::Expected<Baseline> Loaded = Baseline::load(Opts.Baseline);
    if (!Loaded) {
      llvm::errs() << llvm::toString(Loaded.takeError()) << "\n";
      return ExitError;
    }
    Accepted = std::move(*Loaded);
  }

  ClangTidyGlobalOptions Global;
  ContextFactory MakeContext =
      [&](llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
        return std::make_unique<ClangTidyContext>(
            std::make_unique<FileOptionsProvider>(Global, Defaults, Overrides,
                                                  std::move(FS)));
      };
  RunOptions Running;
  Running.Jobs =
      Opts.Jobs ? Opts.Jobs : llvm::hardware_concurrency().compute_thread_count();
  Running.Progress = Opts.Progress || llvm::sys::Process::StandardErrIsDisplayed();
  std::vector<ClangTidyError> Errors = mergeFileResults(
      runOnFiles(*Setup.Compilations, Setup.Files, MakeContext, Running));

  // A bad check option is only a warning in clang-tidy; in CI it would
  // silently run the check with its default, so it counts as an error.
  unsigned InputErrors = llvm::count_if(Errors, [](const ClangTidyError &E) {
    return !isFinding(E) && (E.DiagLevel == ClangTidyError::Error ||
                             E.DiagnosticName == "clang-tidy-config");
  });
  SourcePositions Sources(Opts.SourceRoot);
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::unique_ptr<ClangTidyContext> Context = MakeContext(FS);

  if (!Opts.WriteBaseline.empty()) {
    if (InputErrors) {
      // A baseline of a partial run would hide nothing in the files that
      // failed and everything once they compile again: refuse it.
      printAndFix(Errors, *Context, /*Fix=*/false, FS, /*ToStderr=*/false);
      llvm::errs() << "dbrace: error: not writing a baseline: some files "
                      "could not be analysed\n";
      return ExitError;
    }
    unsigned Written = 0;
    if (llvm::Error E = writeBaseline(Opts.WriteBaseline, Errors, Sources,
                                      Written)) {
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
  if (Opts.Format != OutputFormat::Text)
    Report = renderReport(Opts, Errors, Sources);
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
    exportReplacements(Setup.Files.front(), Errors, OS);
  }

  if (!Opts.Quiet) {
    if (Findings)
      llvm::errs() << Findings << " dbrace "
                   << plural(Findings, "finding", "findings") << ".\n";
    if (Accepted) {
      llvm::errs() << Baselined << " "
                   << plural(Baselined, "finding", "findings")
                   << " matched the baseline";
      if (unsigned Stale = Accepted->unused())
        llvm::errs() << "; " << Stale << " baseline "
                     << plural(Stale, "entry matches", "entries match")
                     << " nothing (fixed? rewrite it with --write-baseline)";
      llvm::errs() << ".\n";
    }
  }
  if (InputErrors)
    return ExitError;
  // Once fixed, the findings are gone; a second run shows what remains.
  return Findings ? ExitFindings : ExitClean;
}

} // namespace

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  if (argc >= 2 && llvm::StringRef(argv[1]) == "explain-sql") {
    std::vector<llvm::StringRef> Args(argv + 2, argv + argc);
    return ::dbrace::sqlfacts::explainSqlMain(Args, llvm::outs(), llvm::errs());
  }
  std::optional<DriverOptions> Opts = parseDriverOptions(argc, argv, llvm::errs());
  if (!Opts)
    return ExitError;
  return run(*Opts);
}
