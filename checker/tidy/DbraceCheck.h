//===--- DbraceCheck.h - What the five dbrace checks share ----------------===//
//
// Every check reads the same options, asks the shared analysis for the
// function at hand, and reports the findings that carry its own name.
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
  DbraceCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  const ::dbrace::ApiModel *model();
  bool acceptLockClause();

  std::string RulesFiles;
  std::string Dialect;
  std::string EntityMatching;
  bool AssumeSerializable;
  std::string SlowCalls;
  std::string LockClause;

  std::vector<RulesFileEntry> RulesFileEntries;
  /// Includes the headers fix-its need, in the style of `IncludeStyle`.
  utils::IncludeInserter Inserter;

  ::dbrace::ModelOptions ModelOpts;
  ::dbrace::AnalyzerOptions AnalyzerOpts;
  std::string OptionsKey;
  const ::dbrace::ApiModel *Model = nullptr;
  bool ModelLoaded = false;
};

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_DBRACECHECK_H
