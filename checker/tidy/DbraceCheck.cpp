//===--- DbraceCheck.cpp - What the five dbrace checks share --------------===//

#include "DbraceCheck.h"
#include "RuleUsage.h"
#include "RulesFilesConfig.h"
#include "SchemaFiles.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <set>

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

/// The headers some check's fix-it included in this translation unit, by
/// file: each is included once per file, whichever of the checks (each with
/// an IncludeInserter of its own) needs it first.
std::set<std::pair<unsigned, std::string>> &headersIncluded() {
  // Per thread: the driver analyses one translation unit per thread.
  thread_local std::set<std::pair<unsigned, std::string>> Included;
  return Included;
}
} // namespace

DbraceCheck::DbraceCheck(StringRef Name, ClangTidyContext *Ctx, unsigned Uses)
    : ClangTidyCheck(Name, Ctx), TidyContext(Ctx), Declared(Uses),
      RulesFiles(Options.getLocalOrGlobal("RulesFiles", "")),
      Dialect(Options.getLocalOrGlobal("Dialect", "auto")),
      EntityMatching(option(EntityMatchingOption, "EntityMatching", "row")),
      AssumeSerializable(
          option(AssumeSerializableOption, "AssumeSerializable", "false")),
      SlowCalls(option(SlowCallsOption, "SlowCalls", "")),
      LockClause(option(LockClauseOption, "LockClause", "")),
      SchemaFiles(Options.getLocalOrGlobal("SchemaFiles", "")),
      SummaryFiles(Options.getLocalOrGlobal("SummaryFiles", "")),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
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
  // Relative to the `.clang-tidy` that names them, not to wherever
  // clang-tidy happens to run the compile command.
  RulesFileEntries = rulesFilesInEffect(
      getID(), TidyContext->getOptions().CheckOptions,
      TidyContext->getCurrentFile(), TidyContext->getCurrentBuildDirectory());
  // Summaries are rules too (`summaries: true` inside), named apart so
  // that the driver can hand over the ones it computed.
  for (RulesFileEntry &Entry : rulesFilesInEffect(
           getID(), TidyContext->getOptions().CheckOptions,
           TidyContext->getCurrentFile(),
           TidyContext->getCurrentBuildDirectory(), "SummaryFiles"))
    RulesFileEntries.push_back(std::move(Entry));
  for (const RulesFileEntry &Entry : RulesFileEntries)
    ModelOpts.RulesFiles.push_back(Entry.Path);
  ModelOpts.SlowCalls = splitList(SlowCalls);
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
  if (acceptLockClause())
    AnalyzerOpts.LockClause = StringRef(LockClause).trim().str();
  if (std::vector<std::string> Paths = splitList(SchemaFiles); !Paths.empty()) {
    std::string Error;
    AnalyzerOpts.Schema = ::dbrace::sharedSchema(Paths, Error);
    if (!AnalyzerOpts.Schema)
      configurationDiag("%0", DiagnosticIDs::Error) << Error;
  }
  OptionsKey = llvm::join(ModelOpts.RulesFiles, ";") + "|" + Dialect + "|" +
               EntityMatching + "|" +
               (AnalyzerOpts.AssumeSerializable ? "1" : "0") + "|" + SlowCalls +
               "|" + AnalyzerOpts.LockClause + "|" + SchemaFiles;
}

/// The clause goes into the program's SQL: one locking clause of the
/// dialect given, or with `auto` of some dialect (each read takes it only
/// where its own dialect has it), else a configuration error and the rules'.
/// Every check validates it, so that all share one analysis; the checks
/// that declare the option report a bad one.
bool DbraceCheck::acceptLockClause() {
  using ::dbrace::sqlfacts::isWaitingLockClause;
  using SqlDialect = ::dbrace::sqlfacts::Dialect;
  if (StringRef(LockClause).trim().empty())
    return false;
  std::optional<SqlDialect> D = AnalyzerOpts.Dialect;
  if (D ? isWaitingLockClause(LockClause, *D)
        : isWaitingLockClause(LockClause, SqlDialect::PostgreSQL) ||
              isWaitingLockClause(LockClause, SqlDialect::MySQL))
    return true;
  if (!(Declared & LockClauseOption))
    return false;
  // A shared lock (FOR SHARE, LOCK IN SHARE MODE) is one clause too, but
  // two requests hold it at once: the fix-it would fix nothing.
  StringRef Expected =
      !D || *D == SqlDialect::PostgreSQL
          ? "one locking clause that makes a concurrent request wait: 'FOR "
            "UPDATE' or 'FOR NO KEY UPDATE', optionally with 'OF' tables "
            "and 'NOWAIT' or 'SKIP LOCKED'"
      : *D == SqlDialect::MySQL
          ? "one MySQL locking clause that makes a concurrent request wait: "
            "'FOR UPDATE', optionally with 'OF' tables and 'NOWAIT' or "
            "'SKIP LOCKED'"
          : "none: SQLite has no locking clause";
  configurationDiag("invalid configuration value '%0' for option "
                    "'%1.LockClause'; expected %2")
      << LockClause << getID() << Expected;
  return false;
}

void DbraceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RulesFiles", RulesFiles);
  Options.store(Opts, "Dialect", Dialect);
  Options.store(Opts, "SchemaFiles", SchemaFiles);
  Options.store(Opts, "SummaryFiles", SummaryFiles);
  if (Declared & EntityMatchingOption)
    Options.store(Opts, "EntityMatching", EntityMatching);
  if (Declared & AssumeSerializableOption)
    Options.store(Opts, "AssumeSerializable",
                  AnalyzerOpts.AssumeSerializable ? "true" : "false");
  if (Declared & SlowCallsOption)
    Options.store(Opts, "SlowCalls", SlowCalls);
  if (Declared & LockClauseOption)
    Options.store(Opts, "LockClause", LockClause);
  if (Declared & IncludeStyleOption)
    Options.store(Opts, "IncludeStyle", Inserter.getStyle());
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

void DbraceCheck::registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                                      Preprocessor *) {
  ::dbrace::AnalysisCache::startTranslationUnit();
  headersIncluded().clear();
  Sources = &SM;
  Inserter.registerPreprocessor(PP);
}

void DbraceCheck::addEdits(const DiagnosticBuilder &Warning,
                           const ::dbrace::FixPlan &Plan) {
  for (const FixItHint &Edit : Plan.Edits)
    Warning << Edit;
  if (Plan.Edits.empty() || !Sources)
    return;
  // The edits of one fact change one function, so one file.
  FileID File = Sources->getFileID(
      Sources->getFileLoc(Plan.Edits.front().RemoveRange.getBegin()));
  for (const std::string &Header : Plan.Headers)
    if (headersIncluded().insert({File.getHashValue(), Header}).second)
      if (auto Include = Inserter.createIncludeInsertion(File, Header))
        Warning << *Include;
}

void DbraceCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!::dbrace::shouldAnalyze(FD, *Result.Context) || !model())
    return;
  for (const ::dbrace::Fact &F : ::dbrace::AnalysisCache::facts(
           FD, *Result.Context, *Model, AnalyzerOpts, OptionsKey))
    diagnose(F);
  reportRuleWarnings();
}

/// Problems with rules that matching them showed (an argument number no
/// overload has), once per process, as clang-tidy reports its own
/// configuration; the dbrace driver prints them at the end of its run.
void DbraceCheck::reportRuleWarnings() {
  if (::dbrace::ruleWarningsReportedAtEnd())
    return;
  for (const std::string &Text : ::dbrace::takeRuleWarnings()) {
    StringRef Place = Text, Message;
    std::tie(Place, Message) = Place.split(": warning: ");
    configurationDiag("%0: %1", DiagnosticIDs::Warning) << Place << Message;
  }
}

} // namespace clang::tidy::dbrace
