//===--- DbraceCheck.cpp - What the five dbrace checks share --------------===//

#include "DbraceCheck.h"
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
} // namespace

DbraceCheck::DbraceCheck(StringRef Name, ClangTidyContext *Ctx,
                         unsigned Uses)
    : ClangTidyCheck(Name, Ctx), TidyContext(Ctx), Declared(Uses),
      RulesFiles(Options.getLocalOrGlobal("RulesFiles", "")),
      Dialect(Options.getLocalOrGlobal("Dialect", "auto")),
      EntityMatching(option(EntityMatchingOption, "EntityMatching", "row")),
      AssumeSerializable(
          option(AssumeSerializableOption, "AssumeSerializable", "false")),
      SlowCalls(option(SlowCallsOption, "SlowCalls", "")),
      LockClause(option(LockClauseOption, "LockClause", "")) {
  readOptions();
}

/// A declared option as the check's own or the global value; another only
/// as the global value, which the other checks share.
std::string DbraceCheck::option(Option O, StringRef Name, StringRef Default) {
  if (Declared & O)
    return Options.getLocalOrGlobal(Name, Default).str();
  const auto &Global = TidyContext->getOptions().CheckOptions;
  auto It = Global.find(Name);
  return It == Global.end() ? Default.str() : It->second.Value;
}

void DbraceCheck::readOptions() {
  // Read as text: the bool overloads of OptionsView are mangled differently
  // by GCC and by the clang that built libclangTidy.
  if (std::optional<bool> Parsed = llvm::StringSwitch<std::optional<bool>>(
          StringRef(AssumeSerializable).lower())
          .Cases("true", "1", "on", "yes", true)
          .Cases("false", "0", "off", "no", false)
          .Default(std::nullopt))
    AnalyzerOpts.AssumeSerializable = *Parsed;
  else if (Declared & AssumeSerializableOption)
    configurationDiag("invalid configuration value '%0' for option "
                      "'%1.AssumeSerializable'; expected a bool")
        << AssumeSerializable << getID();
  ModelOpts.RulesFiles = splitList(RulesFiles);
  ModelOpts.SlowCalls = splitList(SlowCalls);
  AnalyzerOpts.LockClause = LockClause;
  if (EntityMatching == "table")
    AnalyzerOpts.Matching = ::dbrace::EntityMatching::Table;
  else if (EntityMatching != "row" && (Declared & EntityMatchingOption))
    configurationDiag("invalid configuration value '%0' for option "
                      "'%1.EntityMatching'; expected 'row' or 'table'")
        << EntityMatching << getID();
  if (Dialect != "auto") {
    AnalyzerOpts.Dialect = ::dbrace::sqlfacts::parseDialect(Dialect);
    if (!AnalyzerOpts.Dialect)
      configurationDiag("invalid configuration value '%0' for option "
                        "'%1.Dialect'; expected 'auto', 'postgresql', "
                        "'mysql' or 'sqlite'")
          << Dialect << getID();
  }
  OptionsKey = RulesFiles + "|" + Dialect + "|" + EntityMatching + "|" +
               (AnalyzerOpts.AssumeSerializable ? "1" : "0") + "|" +
               SlowCalls + "|" + LockClause;
}

void DbraceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RulesFiles", RulesFiles);
  Options.store(Opts, "Dialect", Dialect);
  if (Declared & EntityMatchingOption)
    Options.store(Opts, "EntityMatching", EntityMatching);
  if (Declared & AssumeSerializableOption)
    Options.store(Opts, "AssumeSerializable",
                  AnalyzerOpts.AssumeSerializable ? "true" : "false");
  if (Declared & SlowCallsOption)
    Options.store(Opts, "SlowCalls", SlowCalls);
  if (Declared & LockClauseOption)
    Options.store(Opts, "LockClause", LockClause);
}

const ::dbrace::ApiModel *DbraceCheck::model() {
  if (!ModelLoaded) {
    ModelLoaded = true;
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
  for (const ::dbrace::Fact &F : ::dbrace::AnalysisCache::facts(
           FD, *Result.Context, *Model, AnalyzerOpts, OptionsKey))
    diagnose(F);
}

} // namespace clang::tidy::dbrace
