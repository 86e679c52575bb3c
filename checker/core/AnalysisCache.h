//===--- AnalysisCache.h - One analysis per function, shared by checks ----===//
//
// The five checks report different facts of the same analysis: each
// function is analysed once per translation unit, whichever check asks first.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_ANALYSISCACHE_H
#define DBRACE_CORE_ANALYSISCACHE_H

#include "Analyzer.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <memory>
#include <string>

namespace dbrace {

struct ModelOptions {
  std::vector<std::string> RulesFiles;
  std::vector<std::string> SlowCalls;
};

/// The API model for a set of user rules files and slow calls, loaded once
/// per process. Null with \p Error set when a rules file is malformed.
const ApiModel *sharedModel(const ModelOptions &Options, std::string &Error);

/// Every model sharedModel has loaded in this process.
std::vector<const ApiModel *> loadedModels();

class AnalysisCache {
public:
  /// Forgets everything: a new translation unit starts.
  static void startTranslationUnit();

  /// The facts of \p FD under these options, analysed at most once per TU.
  static const std::vector<Fact> &facts(const clang::FunctionDecl *FD,
                                        clang::ASTContext &Ctx,
                                        const ApiModel &Model,
                                        const AnalyzerOptions &Options,
                                        llvm::StringRef OptionsKey);
};

} // namespace dbrace

#endif // DBRACE_CORE_ANALYSISCACHE_H
