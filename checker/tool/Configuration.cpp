//===--- Configuration.cpp - The clang-tidy options and rules in effect ---===//

#include "Configuration.h"
#include "AnalysisCache.h"
#include "RulesFilesConfig.h"
#include "SchemaFiles.h"
#include "clang-tidy/ClangTidy.h"
#include "sql/SqlFacts.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tidy;
namespace rulesconfig = clang::tidy::dbrace;

namespace dbrace::tool {
namespace {

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

} // namespace

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
  if (!Opts.Schemas.empty())
    Overrides.CheckOptions["SchemaFiles"] =
        ClangTidyOptions::ClangTidyValue(llvm::join(schemaPaths(Opts), ";"));
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

std::vector<std::string> schemaPaths(const DriverOptions &Opts) {
  std::vector<std::string> Paths;
  for (const std::string &Written : Opts.Schemas) {
    llvm::SmallString<256> Path(Written);
    llvm::sys::fs::make_absolute(rulesconfig::launchDirectory(), Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Paths.push_back(std::string(Path));
  }
  return Paths;
}

void checkSchemas(const DriverOptions &Opts, std::vector<DriverError> &Errors) {
  if (Opts.Schemas.empty())
    return;
  std::string Error;
  if (!::dbrace::sharedSchema(schemaPaths(Opts), Error))
    Errors.push_back(DriverError::fromText(Error));
}

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

bool listRules(const DriverOptions &Opts, const ClangTidyOptions &Defaults,
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
    return false;
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
    return false;
  }
  for (const ::dbrace::LibraryRules &L : Builtin.libraries())
    Print(L, "built-in");
  for (const rulesconfig::RulesFileEntry &Entry : *Entries) {
    ::dbrace::LibraryRules Rules;
    if (!::dbrace::loadRulesFile(Entry.Path, Rules, Error)) {
      llvm::errs() << Error << "\n";
      return false;
    }
    Print(Rules, originOf(Entry, Opts));
  }
  return true;
}

bool dumpConfig(const DriverOptions &Opts, const ClangTidyOptions &Defaults,
                const ClangTidyOptions &Overrides) {
  llvm::SmallString<256> Path;
  if (!Opts.Files.empty())
    Path = Opts.Files.front();
  else if (std::error_code EC = llvm::sys::fs::current_path(Path)) {
    llvm::errs() << "dbrace: error: " << EC.message() << "\n";
    return false;
  }
  llvm::sys::fs::make_absolute(Path);
  FileOptionsProvider Provider(ClangTidyGlobalOptions(), Defaults, Overrides);
  ClangTidyOptions Effective = Provider.getOptions(Path);
  Effective.CheckOptions =
      getCheckOptions(Effective, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  llvm::outs() << configurationAsText(Effective) << "\n";
  return true;
}

} // namespace dbrace::tool
