//===--- StatementKeys.cpp - The keys statements are prepared under -------===//

#include "AstNames.h"
#include "SqlText.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace dbrace;

std::string dbrace::statementKey(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = stripWrappers(E);
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return SL->getCharByteWidth() == 1 ? ("\"" + SL->getString() + "\"").str()
                                         : "";
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      E = CE->getNumArgs() > 0 ? CE->getArg(0) : nullptr;
      continue;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (!DRE)
      return "";
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      return qualifiedName(EC);
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V || !(V->isConstexpr() || V->getType().isConstQualified()))
      return "";
    E = V->getAnyInitializer();
  }
  return "";
}

std::optional<std::string> dbrace::statementName(const Expr *E,
                                                 SqlTextResolver &Resolver) {
  RecoveredSql Name = Resolver.resolve(E, nullptr);
  if (!Name.Known() || !Name.Holes.empty() || Name.Text.empty())
    return std::nullopt;
  return Name.Text;
}

std::string dbrace::statementKey(const Expr *E, SqlTextResolver &Resolver) {
  std::string Key = statementKey(E);
  if (Key.empty())
    if (std::optional<std::string> Name = statementName(E, Resolver))
      Key = "\"" + *Name + "\"";
  return Key;
}
