//===--- Retype.cpp - Whether a variable can take another type ------------===//

#include "Retype.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include <tuple>

using namespace clang;

namespace dbrace::fixes {

namespace {

const NamedDecl *lookupOne(const DeclContext *DC, llvm::StringRef Name,
                           ASTContext &Ctx) {
  for (const NamedDecl *D :
       DC->getPrimaryContext()->lookup(&Ctx.Idents.get(Name))) {
    if (const auto *Shadow = dyn_cast<UsingShadowDecl>(D))
      D = Shadow->getTargetDecl();
    if (const auto *Alias = dyn_cast<NamespaceAliasDecl>(D))
      D = Alias->getNamespace();
    if (isa<TypeDecl, NamespaceDecl, ClassTemplateDecl>(D))
      return D;
  }
  return nullptr;
}

/// A definition whose bases can be looked at: the class's own, or, for a
/// specialisation this translation unit never instantiated, its pattern's.
const CXXRecordDecl *withBases(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  if (RD->hasDefinition())
    return RD->getDefinition();
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    const CXXRecordDecl *Pattern =
        Spec->getSpecializedTemplate()->getTemplatedDecl();
    if (Pattern && Pattern->hasDefinition())
      return Pattern->getDefinition();
  }
  return nullptr;
}

/// \p New is \p Base or derives from it.
bool hasBase(const CXXRecordDecl *New, const CXXRecordDecl *Base) {
  if (!New || !Base)
    return false;
  if (New->getCanonicalDecl() == Base->getCanonicalDecl())
    return true;
  const CXXRecordDecl *Def = withBases(New);
  return Def && Def->isDerivedFrom(Base);
}

class Uses : public RecursiveASTVisitor<Uses> {
public:
  explicit Uses(const VarDecl *V) : V(V) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == V)
      Found.push_back(E);
    return true;
  }
  std::vector<const DeclRefExpr *> Found;

private:
  const VarDecl *V;
};

class Checker {
public:
  Checker(const FunctionDecl *FD, const CXXRecordDecl *New,
          llvm::StringRef NewName, ASTContext &Ctx)
      : FD(FD), New(New), NewName(NewName), Ctx(Ctx) {}

  std::optional<RetypeBlocker> check(const VarDecl *V, unsigned Depth) {
    Uses U(V);
    U.TraverseStmt(FD->getBody());
    for (const DeclRefExpr *Use : U.Found)
      if (auto Blocker = checkUse(V, Use, Depth))
        return Blocker;
    return std::nullopt;
  }

private:
  /// \p E with the implicit casts and parentheses around it, and what
  /// holds that.
  std::pair<const Expr *, DynTypedNode> climb(const Expr *E) {
    while (true) {
      auto Parents = Ctx.getParents(*E);
      if (Parents.size() != 1)
        return {E, DynTypedNode()};
      const auto *P = Parents[0].get<Expr>();
      if (P && isa<ImplicitCastExpr, ParenExpr>(P)) {
        E = P;
        continue;
      }
      return {E, Parents[0]};
    }
  }

  static std::optional<unsigned>
  argumentIndex(llvm::ArrayRef<const Expr *> Args, const Expr *E) {
    for (unsigned I = 0; I < Args.size(); ++I)
      if (Args[I] == E)
        return I;
    return std::nullopt;
  }

  RetypeBlocker blocked(const Expr *Use, const VarDecl *V,
                        FixBlocker::Kind Why = FixBlocker::Kind::MayNotFit,
                        std::string Detail = "") {
    return {Use, FixBlocker{Why, Use->getBeginLoc(), V->getName().str(),
                            NewName.str(), std::move(Detail)}};
  }

  /// Argument \p I of a call of \p F binds a \p NewName (through a pointer
  /// when \p Pointer).
  std::optional<RetypeBlocker> checkParameter(const VarDecl *V, const Expr *Use,
                                              const FunctionDecl *F,
                                              std::optional<unsigned> I,
                                              bool Pointer) {
    if (!F || !I || *I >= F->getNumParams())
      return blocked(Use, V);
    if (const FunctionTemplateDecl *Primary = F->getPrimaryTemplate()) {
      const FunctionDecl *Pattern = Primary->getTemplatedDecl();
      if (*I < Pattern->getNumParams() &&
          Pattern->getParamDecl(*I)->getType()->isDependentType())
        return std::nullopt; // Deduced again from the new type.
    }
    QualType T = F->getParamDecl(*I)->getType();
    QualType Target;
    if (Pointer && T->isPointerType())
      Target = T->getPointeeType();
    else if (!Pointer && T->isLValueReferenceType())
      Target = T.getNonReferenceType();
    if (!Target.isNull() && hasBase(New, Target->getAsCXXRecordDecl()))
      return std::nullopt;
    return blocked(Use, V, FixBlocker::Kind::ParameterType,
                   T.getAsString(Ctx.getPrintingPolicy()));
  }

  std::optional<RetypeBlocker>
  checkUse(const VarDecl *V, const DeclRefExpr *Ref, unsigned Depth) {
    auto [OuterRef, ParentOfRef] = climb(Ref);
    const Expr *Outer = OuterRef;
    DynTypedNode Parent = ParentOfRef;
    bool Pointer = false;
    if (const auto *U = Parent.get<UnaryOperator>();
        U && U->getOpcode() == UO_AddrOf) {
      std::tie(Outer, Parent) = climb(U);
      Pointer = true;
    }
    if (const auto *ME = Parent.get<MemberExpr>();
        ME && !Pointer && ME->getBase()->IgnoreParenImpCasts() == Ref) {
      const auto *Class =
          dyn_cast<CXXRecordDecl>(ME->getMemberDecl()->getDeclContext());
      if (hasBase(New, Class))
        return std::nullopt;
      return blocked(Ref, V, FixBlocker::Kind::MissingMember,
                     ME->getMemberDecl()->getNameAsString());
    }
    if (const auto *Op = Parent.get<CXXOperatorCallExpr>()) {
      auto I = argumentIndex({Op->getArgs(), Op->getNumArgs()}, Outer);
      const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      if (Method && I == 0u && !Pointer) {
        if (hasBase(New, Method->getParent()))
          return std::nullopt;
        return blocked(Ref, V);
      }
      if (Method && I)
        I = *I - 1;
      return checkParameter(V, Ref, Op->getDirectCallee(), I, Pointer);
    }
    if (const auto *Call = Parent.get<CallExpr>())
      return checkParameter(
          V, Ref, Call->getDirectCallee(),
          argumentIndex({Call->getArgs(), Call->getNumArgs()}, Outer), Pointer);
    if (const auto *Construct = Parent.get<CXXConstructExpr>())
      return checkParameter(
          V, Ref, Construct->getConstructor(),
          argumentIndex({Construct->getArgs(), Construct->getNumArgs()}, Outer),
          Pointer);
    if (const auto *Lambda = Parent.get<LambdaExpr>()) {
      for (const LambdaCapture &C : Lambda->captures())
        if (C.capturesVariable() && C.getCapturedVar() == V &&
            C.getCaptureKind() == LCK_ByRef && !Pointer)
          return std::nullopt;
      return blocked(Ref, V);
    }
    if (const auto *Alias = Parent.get<VarDecl>();
        Alias && !Pointer && Depth < 2 && Alias->getType()->isReferenceType() &&
        Alias->getType()->getContainedAutoType())
      return check(Alias, Depth + 1);
    return blocked(Ref, V);
  }

  const FunctionDecl *FD;
  const CXXRecordDecl *New;
  llvm::StringRef NewName;
  ASTContext &Ctx;
};

} // namespace

const CXXRecordDecl *recordNamed(llvm::StringRef QualifiedName,
                                 ASTContext &Ctx) {
  llvm::StringRef Name =
      QualifiedName.take_until([](char C) { return C == '<'; }).trim();
  Name.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  const NamedDecl *Found = nullptr;
  for (llvm::StringRef Part : Parts) {
    if (!DC || Part.empty())
      return nullptr;
    Found = lookupOne(DC, Part, Ctx);
    if (!Found)
      return nullptr;
    DC = dyn_cast<DeclContext>(Found);
  }
  if (const auto *Alias = dyn_cast<TypedefNameDecl>(Found))
    return Alias->getUnderlyingType()->getAsCXXRecordDecl();
  if (const auto *Template = dyn_cast<ClassTemplateDecl>(Found))
    return Template->getTemplatedDecl();
  return dyn_cast<CXXRecordDecl>(Found);
}

std::optional<RetypeBlocker> retypeBlocker(const FunctionDecl *FD,
                                           const VarDecl *V,
                                           llvm::StringRef NewType,
                                           ASTContext &Ctx) {
  const CXXRecordDecl *New = recordNamed(NewType, Ctx);
  if (!New || !withBases(New))
    return RetypeBlocker{};
  return Checker(FD, New, NewType, Ctx).check(V, 0);
}

std::optional<RetypeBlocker> retypeBlocker(const FunctionDecl *FD,
                                           const VarDecl *V, QualType NewType,
                                           ASTContext &Ctx) {
  const CXXRecordDecl *New = NewType->getAsCXXRecordDecl();
  if (!New || !withBases(New))
    return RetypeBlocker{};
  std::string Name =
      NewType.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy());
  return Checker(FD, New, Name, Ctx).check(V, 0);
}

} // namespace dbrace::fixes
