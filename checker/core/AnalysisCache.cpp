//===--- AnalysisCache.cpp - One analysis per function, shared by checks --===//

#include "AnalysisCache.h"
#include "llvm/ADT/StringExtras.h"
#include <mutex>

using namespace dbrace;

namespace {
std::mutex ModelsLock;
std::map<std::string, std::unique_ptr<ApiModel>> &models() {
  static auto *Models = new std::map<std::string, std::unique_ptr<ApiModel>>;
  return *Models;
}
} // namespace

std::vector<const ApiModel *> dbrace::loadedModels() {
  std::lock_guard<std::mutex> Guard(ModelsLock);
  std::vector<const ApiModel *> All;
  for (const auto &Entry : models())
    All.push_back(Entry.second.get());
  return All;
}

const ApiModel *dbrace::sharedModel(const ModelOptions &Options,
                                    std::string &Error) {
  std::mutex &Lock = ModelsLock;
  std::map<std::string, std::unique_ptr<ApiModel>> &Models = models();
  static std::map<std::string, std::string> Errors;
  std::string Key = llvm::join(Options.RulesFiles, ";") + "|" +
                    llvm::join(Options.SlowCalls, ";");
  std::lock_guard<std::mutex> Guard(Lock);
  if (auto It = Models.find(Key); It != Models.end())
    return It->second.get();
  if (auto It = Errors.find(Key); It != Errors.end()) {
    Error = It->second;
    return nullptr;
  }
  auto Model = std::make_unique<ApiModel>();
  if (!loadModel(Options.RulesFiles, *Model, Error)) {
    Errors[Key] = Error;
    return nullptr;
  }
  if (!Options.SlowCalls.empty()) {
    LibraryRules Slow;
    Slow.Library = "SlowCalls option";
    for (const std::string &Name : Options.SlowCalls) {
      CallRule Rule;
      Rule.Name = Name;
      Rule.Action = CallAction::Slow;
      Slow.Calls.push_back(Rule);
    }
    Model->add(std::move(Slow));
  }
  return (Models[Key] = std::move(Model)).get();
}

namespace {
struct TranslationUnitCache {
  clang::ASTContext *Ctx = nullptr;
  std::map<std::string, std::unique_ptr<Analyzer>> Analyzers;
};
thread_local TranslationUnitCache Cache;
} // namespace

void AnalysisCache::startTranslationUnit() { Cache = TranslationUnitCache(); }

const std::vector<Fact> &AnalysisCache::facts(const clang::FunctionDecl *FD,
                                              clang::ASTContext &Ctx,
                                              const ApiModel &Model,
                                              const AnalyzerOptions &Options,
                                              llvm::StringRef OptionsKey) {
  if (Cache.Ctx != &Ctx) {
    Cache = TranslationUnitCache();
    Cache.Ctx = &Ctx;
  }
  auto &A = Cache.Analyzers[OptionsKey.str()];
  if (!A)
    A = std::make_unique<Analyzer>(Ctx, Model, Options);
  return A->analyze(FD);
}
