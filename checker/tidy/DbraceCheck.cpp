//===--- DbraceCheck.cpp - What the five dbrace checks share --------------===//

#include "DbraceCheck.h"
#include "RulesFilesConfig.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::dbrace {

namespace {
std::vector<std::string> splitList(StringRef List) {
  SmallVector<StringRef, 4> Parts;
  List.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Out;
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

/// Diagnostic text is a format string: keep a literal `%` literal.
std::string escapePercent(StringRef S) {
  std::string Out;
  for (char C : S) {
    Out += C;
    if (C == '%')
      Out += '%';
  }
  return Out;
}
} // namespace

DbraceCheck::DbraceCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RulesFiles(Options.getLocalOrGlobal("RulesFiles", "")),
      Dialect(Options.getLocalOrGlobal("Dialect", "auto")),
      EntityMatching(Options.getLocalOrGlobal("EntityMatching", "row")),
      AssumeSerializable(false),
      SlowCalls(Options.getLocalOrGlobal("SlowCalls", "")),
      LockClause(Options.getLocalOrGlobal("LockClause", "")) {
  // Read as text: the bool overloads of OptionsView are mangled differently
  // by GCC and by the clang that built libclangTidy.
  StringRef Serializable =
      Options.getLocalOrGlobal("AssumeSerializable", "false");
  if (std::optional<bool> Parsed = llvm::StringSwitch<std::optional<bool>>(
          Serializable.lower())
          .Cases("true", "1", "on", "yes", true)
          .Cases("false", "0", "off", "no", false)
          .Default(std::nullopt))
    AssumeSerializable = *Parsed;
  else
    configurationDiag("invalid configuration value '%0' for option "
                      "'%1.AssumeSerializable'; expected a bool")
        << Serializable << Name;
  // Relative to the `.clang-tidy` that names them, not to wherever
  // clang-tidy happens to run the compile command.
  RulesFileEntries = rulesFilesInEffect(Name, Context->getOptions().CheckOptions,
                                        Context->getCurrentFile(),
                                        Context->getCurrentBuildDirectory());
  for (const RulesFileEntry &Entry : RulesFileEntries)
    ModelOpts.RulesFiles.push_back(Entry.Path);
  ModelOpts.SlowCalls = splitList(SlowCalls);
  AnalyzerOpts.AssumeSerializable = AssumeSerializable;
  AnalyzerOpts.LockClause = LockClause;
  if (EntityMatching == "table")
    AnalyzerOpts.Matching = ::dbrace::EntityMatching::Table;
  else if (EntityMatching != "row")
    configurationDiag("invalid configuration value '%0' for option "
                      "'%1.EntityMatching'; expected 'row' or 'table'")
        << EntityMatching << Name;
  if (Dialect != "auto") {
    AnalyzerOpts.Dialect = ::dbrace::sqlfacts::parseDialect(Dialect);
    if (!AnalyzerOpts.Dialect)
      configurationDiag("invalid configuration value '%0' for option "
                        "'%1.Dialect'; expected 'auto', 'postgresql', "
                        "'mysql' or 'sqlite'")
          << Dialect << Name;
  }
  OptionsKey = llvm::join(ModelOpts.RulesFiles, ";") + "|" + Dialect + "|" + EntityMatching + "|" +
               (AssumeSerializable ? "1" : "0") + "|" + SlowCalls + "|" +
               LockClause;
}

void DbraceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RulesFiles", RulesFiles);
  Options.store(Opts, "Dialect", Dialect);
  Options.store(Opts, "EntityMatching", EntityMatching);
  Options.store(Opts, "AssumeSerializable",
                AssumeSerializable ? "true" : "false");
  Options.store(Opts, "SlowCalls", SlowCalls);
  Options.store(Opts, "LockClause", LockClause);
}

const ::dbrace::ApiModel *DbraceCheck::model() {
  if (!ModelLoaded) {
    ModelLoaded = true;
    for (const RulesFileEntry &Entry : RulesFileEntries)
      if (std::string Error = unreadableRulesFile(Entry); !Error.empty()) {
        configurationDiag("%0", DiagnosticIDs::Error) << Error;
        return nullptr;
      }
    std::string Error;
    Model = ::dbrace::sharedModel(ModelOpts, Error);
    if (!Model)
      configurationDiag("%0", DiagnosticIDs::Error) << Error;
  }
  return Model;
}

void DbraceCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("function"),
      this);
}

void DbraceCheck::registerPPCallbacks(const SourceManager &, Preprocessor *,
                                      Preprocessor *) {
  ::dbrace::AnalysisCache::startTranslationUnit();
}

void DbraceCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!::dbrace::shouldAnalyze(FD, *Result.Context) || !model())
    return;
  for (const ::dbrace::Finding &F : ::dbrace::AnalysisCache::findings(
           FD, *Result.Context, *Model, AnalyzerOpts, OptionsKey)) {
    if (F.Check != getID())
      continue;
    {
      DiagnosticBuilder Warning = diag(F.Loc, escapePercent(F.Message));
      for (const FixItHint &Fix : F.Fixes)
        Warning << Fix;
    }
    for (const ::dbrace::FindingNote &N : F.Notes)
      diag(N.Loc, escapePercent(N.Message), DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::dbrace
