//===--- DbraceCheck.cpp - What the five dbrace checks share --------------===//

#include "DbraceCheck.h"
#include "RulesFilesConfig.h"
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
  static std::set<std::pair<unsigned, std::string>> Included;
  return Included;
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
      LockClause(Options.getLocalOrGlobal("LockClause", "")),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
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
  if (acceptLockClause())
    AnalyzerOpts.LockClause = StringRef(LockClause).trim().str();
  OptionsKey = llvm::join(ModelOpts.RulesFiles, ";") + "|" + Dialect + "|" + EntityMatching + "|" +
               (AssumeSerializable ? "1" : "0") + "|" + SlowCalls + "|" +
               LockClause;
}

/// The clause goes into the program's SQL: one locking clause of the
/// dialect given, or with `auto` of some dialect (each read takes it only
/// where its own dialect has it), else a configuration error and the rules'.
bool DbraceCheck::acceptLockClause() {
  using ::dbrace::sqlfacts::Dialect;
  using ::dbrace::sqlfacts::isLockClause;
  if (StringRef(LockClause).trim().empty())
    return false;
  std::optional<Dialect> D = AnalyzerOpts.Dialect;
  if (D ? isLockClause(LockClause, *D)
        : isLockClause(LockClause, Dialect::PostgreSQL) ||
              isLockClause(LockClause, Dialect::MySQL))
    return true;
  StringRef Expected =
      !D || *D == Dialect::PostgreSQL
          ? "one locking clause: 'FOR UPDATE', 'FOR NO KEY UPDATE', 'FOR "
            "SHARE' or 'FOR KEY SHARE', optionally with 'OF' tables and "
            "'NOWAIT' or 'SKIP LOCKED'"
      : *D == Dialect::MySQL
          ? "one MySQL locking clause: 'FOR UPDATE' or 'FOR SHARE', "
            "optionally with 'OF' tables and 'NOWAIT' or 'SKIP LOCKED', or "
            "'LOCK IN SHARE MODE'"
          : "none: SQLite has no locking clause";
  configurationDiag("invalid configuration value '%0' for option "
                    "'%1.LockClause'; expected %2")
      << LockClause << getID() << Expected;
  return false;
}

void DbraceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RulesFiles", RulesFiles);
  Options.store(Opts, "Dialect", Dialect);
  Options.store(Opts, "EntityMatching", EntityMatching);
  Options.store(Opts, "AssumeSerializable",
                AssumeSerializable ? "true" : "false");
  Options.store(Opts, "SlowCalls", SlowCalls);
  Options.store(Opts, "LockClause", LockClause);
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

void DbraceCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                      Preprocessor *) {
  ::dbrace::AnalysisCache::startTranslationUnit();
  headersIncluded().clear();
  Inserter.registerPreprocessor(PP);
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
      if (!F.Fixes.empty()) {
        // The fix-its of one finding edit one function, so one file.
        const SourceManager &SM = *Result.SourceManager;
        FileID File = SM.getFileID(
            SM.getFileLoc(F.Fixes.front().RemoveRange.getBegin()));
        for (const std::string &Header : F.Headers)
          if (headersIncluded().insert({File.getHashValue(), Header}).second)
            if (auto Include = Inserter.createIncludeInsertion(File, Header))
              Warning << *Include;
      }
    }
    for (const ::dbrace::FindingNote &N : F.Notes)
      diag(N.Loc, escapePercent(N.Message), DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::dbrace
