//===--- DbraceCheck.h - What the five dbrace checks share ----------------===//
//
// Every check asks the shared analysis for the function at hand and words
// the facts it owns. The analysis runs once per function for all checks
// that agree on its options: an option a check does not declare is taken
// from the global value (`SlowCalls`, not `dbrace-....SlowCalls`), so that
// it does not split the analysis, and is not stored.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TIDY_DBRACECHECK_H
#define DBRACE_TIDY_DBRACECHECK_H

#include "AnalysisCache.h"
#include "RulesFilesConfig.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"

namespace clang::tidy::dbrace {

class DbraceCheck : public ClangTidyCheck {
public:
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

protected:
  /// Options besides `RulesFiles` and `Dialect`, which every check has.
  enum Option : unsigned {
    EntityMatchingOption = 1,
    AssumeSerializableOption = 2,
    SlowCallsOption = 4,
    LockClauseOption = 8,
    IncludeStyleOption = 16,
  };
  /// \p Uses: the Options this check's findings depend on.
  DbraceCheck(StringRef Name, ClangTidyContext *Ctx, unsigned Uses);

  /// Reports \p F if this check owns it.
  virtual void diagnose(const ::dbrace::Fact &F) = 0;

  /// Attaches the plan's edits to \p Warning, with the includes they need.
  void addEdits(const DiagnosticBuilder &Warning,
                const ::dbrace::FixPlan &Plan);

private:
  std::string option(Option O, StringRef Name, StringRef Default);
  void readOptions();
  const ::dbrace::ApiModel *model();
  void reportRuleWarnings();
  bool acceptLockClause();

  ClangTidyContext *TidyContext;
  unsigned Declared;
  std::string RulesFiles;
  std::string Dialect;
  std::string EntityMatching;
  std::string AssumeSerializable;
  std::string SlowCalls;
  std::string LockClause;
  std::string SchemaFiles;
  std::string SummaryFiles;

  std::vector<RulesFileEntry> RulesFileEntries;
  /// Includes the headers fix-its need, in the style of `IncludeStyle`.
  utils::IncludeInserter Inserter;

  ::dbrace::ModelOptions ModelOpts;
  ::dbrace::AnalyzerOptions AnalyzerOpts;
  std::string OptionsKey;
  const ::dbrace::ApiModel *Model = nullptr;
  bool ModelLoaded = false;
  const SourceManager *Sources = nullptr;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_DBRACECHECK_H
