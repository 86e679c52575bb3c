//===--- RuleMatching.cpp - The rules a call matches ----------------------===//

#include "AstNames.h"
#include "Collector.h"
#include "RuleUsage.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

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

/// Whether \p F takes any number of arguments: C variadic, or a parameter
/// pack in the template it was instantiated from.
bool takesAnyNumber(const FunctionDecl *F) {
  if (F->isVariadic())
    return true;
  const FunctionDecl *Pattern = F->getTemplateInstantiationPattern();
  return Pattern &&
         llvm::any_of(Pattern->parameters(), [](const ParmVarDecl *P) {
           return P->isParameterPack();
         });
}

/// The most arguments any overload of \p Callee takes (its class's
/// constructors for a constructor); none when some takes any number.
std::optional<unsigned> mostArguments(const FunctionDecl *Callee) {
  unsigned Most = 0;
  auto Consider = [&](const NamedDecl *D) {
    if (const auto *T = dyn_cast<FunctionTemplateDecl>(D))
      D = T->getTemplatedDecl();
    const auto *F = dyn_cast<FunctionDecl>(D);
    if (!F)
      return true;
    if (takesAnyNumber(F))
      return false;
    Most = std::max(Most, F->getNumParams());
    return true;
  };
  if (!Consider(Callee))
    return std::nullopt;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee)) {
    for (const CXXConstructorDecl *C : Ctor->getParent()->ctors())
      if (!Consider(C))
        return std::nullopt;
  } else if (Callee->getDeclName()) {
    for (const NamedDecl *D :
         Callee->getDeclContext()->lookup(Callee->getDeclName()))
      if (!Consider(D))
        return std::nullopt;
  }
  return Most;
}

/// A rule argument number past the last argument of every overload of the
/// function it matched: nothing can ever be found there.
void checkArgumentsInRange(const ApiModel::CallMatch &M,
                           const FunctionDecl *Callee) {
  const CallRule &R = *M.Rule;
  if (!R.Line || M.Library->Summaries)
    return;
  llvm::SmallVector<std::pair<const char *, unsigned>, 4> Named;
  auto Add = [&](const char *Key, std::optional<unsigned> Arg) {
    if (Arg)
      Named.push_back({Key, *Arg});
  };
  Add("sql_arg", R.SqlArg);
  Add("statement_arg", R.StatementArg);
  Add("value_arg", R.ValueArg);
  Add("index_arg", R.IndexArg);
  Add("name_arg", R.NameArg);
  Add("format_arg", R.FormatArg);
  Add("entity_arg", R.EntityArg);
  Add("key_arg", R.KeyArg);
  Add("table_arg", R.TableArg);
  Add("dialect_arg", R.DialectArg);
  Add("connection_name_arg", R.ConnectionNameArg);
  Add("condition_arg", R.ConditionArg);
  Add("isolation_arg", R.IsolationArg);
  Add("when.arg", R.WhenArg);
  for (unsigned N : R.KeyArgs)
    Add("key_args", N);
  for (unsigned N : R.ResultArgs)
    Add("result: argument", N);
  if (Named.empty())
    return;
  unsigned Highest = 0;
  for (const auto &Entry : Named)
    Highest = std::max(Highest, Entry.second);
  if (Highest < Callee->getNumParams())
    return;
  std::optional<unsigned> Most = mostArguments(Callee);
  if (!Most || Highest < *Most)
    return;
  std::string Callable = qualifiedName(Callee);
  for (const auto &[Key, Arg] : Named)
    if (Arg >= *Most)
      noteRuleWarning(
          (M.Library->SourcePath + ":" + llvm::Twine(R.Line) + ": warning: '" +
           Key + (llvm::StringRef(Key).starts_with("result") ? " " : ": ") +
           llvm::Twine(Arg) + "' names no argument of '" + Callable +
           "', which takes " + llvm::Twine(*Most) +
           (*Most == 1 ? " argument" : " arguments") +
           " (they are numbered from 0)")
              .str());
}

} // namespace

void dbrace::collectParameterWrappers(
    const ApiModel &Model, const SourceManager &SM, const Stmt *S,
    llvm::SmallVectorImpl<const ValueDecl *> &Filled,
    llvm::SmallVectorImpl<const Expr *> &Bound) {
  if (Model.hasParameterWrappers())
    forEachCall(S, [&](const CallExpr *Call) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Callee->getIdentifier())
        return;
      if (Model.isOutParam(qualifiedName(Callee))) {
        for (const Expr *Arg : Call->arguments())
          if (const ValueDecl *D = rootDecl(Arg))
            Filled.push_back(D);
      } else if (Model.isInParam(qualifiedName(Callee)) &&
                 Call->getNumArgs() > 0) {
        Bound.push_back(Call->getArg(0));
      }
    });
  // Comma- and `<<`-chained values are met outermost first.
  llvm::stable_sort(Bound, [&](const Expr *A, const Expr *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
}

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
    // The translation unit's own analysis of a function it compiles
    // comes before a summary of it from elsewhere.
    if (!Matches || (C.Library->Summaries && Callee->isDefined()))
      continue;
    Found.push_back(C);
    noteRuleMatched(*C.Library, C.Rule->Line);
    checkArgumentsInRange(C, Callee);
  }
  return Found;
}
