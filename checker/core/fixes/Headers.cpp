//===--- Headers.cpp - The header a fix-it's code needs -------------------===//

#include "Headers.h"
#include "../ApiModel.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace dbrace::fixes {

namespace {

/// A class usable as a complete type: defined, or for a specialisation not
/// instantiated yet, its template defined.
bool defined(const CXXRecordDecl *RD, SourceLocation Loc,
             const SourceManager &SM) {
  if (!RD)
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      Spec && !RD->hasDefinition())
    RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
  const CXXRecordDecl *Def = RD->getDefinition();
  return Def && SM.isBeforeInTranslationUnit(Def->getLocation(), Loc);
}

/// The context a declaration opens for the next name component.
const DeclContext *contextOf(const NamedDecl *D) {
  if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
    if (const auto *RD = TD->getUnderlyingType()->getAsCXXRecordDecl())
      return RD->getDefinition();
  if (const auto *Tag = dyn_cast<TagDecl>(D))
    return Tag->getDefinition();
  if (const auto *NS = dyn_cast<NamespaceDecl>(D))
    return NS;
  return nullptr;
}

} // namespace

bool declaredBefore(llvm::StringRef QualifiedName, SourceLocation Loc,
                    ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.split(Parts, "::", -1, /*KeepEmpty=*/false);
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (!DC)
      return false;
    const NamedDecl *Found = nullptr;
    for (const NamedDecl *D :
         DC->getPrimaryContext()->lookup(&Ctx.Idents.get(Parts[I]))) {
      if (const auto *Shadow = dyn_cast<UsingShadowDecl>(D))
        D = Shadow->getTargetDecl();
      if (const auto *Alias = dyn_cast<NamespaceAliasDecl>(D))
        D = Alias->getNamespace();
      if (D && SM.isBeforeInTranslationUnit(D->getLocation(), Loc)) {
        Found = D;
        break;
      }
    }
    if (!Found)
      return false;
    if (I + 1 < Parts.size()) {
      DC = contextOf(Found);
      continue;
    }
    if (const auto *TD = dyn_cast<TypedefNameDecl>(Found))
      if (const auto *RD = TD->getUnderlyingType()->getAsCXXRecordDecl())
        return defined(RD, Loc, SM);
    if (const auto *RD = dyn_cast<CXXRecordDecl>(Found))
      return defined(RD, Loc, SM);
    if (const auto *CT = dyn_cast<ClassTemplateDecl>(Found))
      return defined(CT->getTemplatedDecl(), Loc, SM);
    return true;
  }
  return false;
}

std::vector<std::string> headerFor(llvm::StringRef Template,
                                   llvm::StringRef Header, SourceLocation Loc,
                                   ASTContext &Ctx) {
  if (Header.empty())
    return {};
  Loc = Ctx.getSourceManager().getFileLoc(Loc);
  for (const std::string &Name : templateNames(Template))
    if (!declaredBefore(Name, Loc, Ctx))
      return {Header.str()};
  return {};
}

} // namespace dbrace::fixes
