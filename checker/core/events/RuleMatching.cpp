//===--- RuleMatching.cpp - The rules a call matches ----------------------===//

#include "AstNames.h"
#include "Collector.h"

using namespace clang;
using namespace dbrace;

namespace {

/// The class part and the simple name of a rule name.
std::pair<llvm::StringRef, llvm::StringRef> splitRuleName(llvm::StringRef N) {
  size_t Colon = N.rfind("::");
  if (Colon == llvm::StringRef::npos)
    return {"", N};
  return {N.substr(0, Colon), N.substr(Colon + 2)};
}

} // namespace

llvm::SmallVector<ApiModel::CallMatch, 2>
dbrace::matchingRules(const ApiModel &Model, const FunctionDecl *Callee,
                      const Expr *Object) {
  llvm::SmallVector<ApiModel::CallMatch, 2> Found;
  const NamedDecl *Named = Callee;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee))
    Named = Ctor->getParent();
  // Most calls name nothing the rules know: decide that without building
  // any qualified name.
  auto Candidates = Named->getIdentifier()
                        ? Model.callsNamed(Named->getName())
                        : Model.callsNamed(Named->getNameAsString());
  if (Candidates.empty())
    return Found;
  std::vector<std::string> Classes;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Callee)) {
    Classes = classAndBases(M->getParent());
    if (Object)
      if (const CXXRecordDecl *RD = recordOf(Object->getType())) {
        std::vector<std::string> More = classAndBases(RD);
        Classes.insert(Classes.end(), More.begin(), More.end());
      }
  }
  std::string Qualified = qualifiedName(Callee);
  for (const ApiModel::CallMatch &C : Candidates) {
    auto [Class, Name] = splitRuleName(C.Rule->Name);
    bool Matches = Classes.empty() ? C.Rule->Name == Qualified ||
                                         C.Rule->Name == "::" + Qualified
                                   : llvm::is_contained(Classes, Class);
    if (Matches)
      Found.push_back(C);
  }
  return Found;
}
