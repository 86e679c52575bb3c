//===--- AstNames.cpp - Names and roots of declarations and expressions ---===//

#include "AstNames.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

std::string dbrace::qualifiedName(const NamedDecl *D) {
  llvm::SmallVector<StringRef, 6> Parts;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getIdentifier())
        Parts.push_back(RD->getName());
    } else if (const auto *ED = dyn_cast<EnumDecl>(DC)) {
      // Rules name enumerators with their enum, scoped or not.
      if (ED->getIdentifier())
        Parts.push_back(ED->getName());
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    Name += *It;
    Name += "::";
  }
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    Name += Ctor->getParent()->getName();
  else
    Name += D->getNameAsString();
  return Name;
}

std::vector<std::string> dbrace::classAndBases(const CXXRecordDecl *RD) {
  std::vector<std::string> Names;
  llvm::SmallVector<const CXXRecordDecl *, 8> Work{RD};
  while (!Work.empty()) {
    const CXXRecordDecl *C = Work.pop_back_val();
    if (!C)
      continue;
    Names.push_back(qualifiedName(C));
    if (!C->hasDefinition())
      continue;
    for (const CXXBaseSpecifier &B : C->getDefinition()->bases())
      Work.push_back(B.getType()->getAsCXXRecordDecl());
  }
  return Names;
}

const CXXRecordDecl *dbrace::recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->getAsCXXRecordDecl();
}

const Expr *dbrace::stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Before = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() == 1 &&
          C->getConstructor()->isCopyOrMoveConstructor())
        E = C->getArg(0);
    }
    if (E == Before)
      return E;
  }
  return E;
}

const ValueDecl *dbrace::rootDecl(const Expr *E) {
  while (E) {
    E = stripWrappers(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
        return ME->getMemberDecl();
      E = ME->getBase();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
        E = UO->getSubExpr();
        continue;
      }
      return nullptr;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      // `*p`, `p->x` on smart pointers and iterators.
      if ((Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
          Op->getNumArgs() >= 1) {
        E = Op->getArg(0);
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

/// The line before \p Loc's, skipping blank lines, trimmed.
static llvm::StringRef previousLine(clang::SourceLocation Loc,
                                    const clang::SourceManager &SM) {
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return "";
  llvm::StringRef Before = Buffer.take_front(SM.getFileOffset(Loc));
  Before = Before.take_front(Before.rfind('\n') + 1); // Up to Loc's line.
  while (!Before.empty()) {
    Before = Before.drop_back();           // The newline.
    size_t Start = Before.rfind('\n') + 1; // npos + 1 == 0
    llvm::StringRef Line = Before.substr(Start).trim();
    if (!Line.empty())
      return Line;
    Before = Before.take_front(Start);
  }
  return "";
}

bool dbrace::hasMemberUnderPragma(const CXXRecordDecl *RD, llvm::StringRef Text,
                                  const clang::SourceManager &SM) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  for (const FieldDecl *F : RD->fields()) {
    clang::SourceLocation Loc = SM.getExpansionLoc(F->getBeginLoc());
    if (Loc.isInvalid())
      continue;
    llvm::StringRef Line = previousLine(Loc, SM);
    if (!Line.consume_front("#"))
      continue;
    Line = Line.ltrim();
    if (!Line.consume_front("pragma"))
      continue;
    Line = Line.ltrim();
    if (Line.consume_front(Text) && (Line.empty() || isspace(Line.front())))
      return true;
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (hasMemberUnderPragma(B.getType()->getAsCXXRecordDecl(), Text, SM))
      return true;
  return false;
}

const ValueDecl *dbrace::keyDecl(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    if (const ValueDecl *D = rootDecl(E))
      return D;
    // A converting constructor: `QVariant(code)` made for `bindValue`.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(stripWrappers(E));
        Construct && Construct->getNumArgs() == 1) {
      E = Construct->getArg(0);
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(stripWrappers(E));
    if (!Call || isa<CXXOperatorCallExpr>(Call) || Call->getNumArgs() != 1)
      return nullptr;
    E = Call->getArg(0);
  }
  return nullptr;
}

bool dbrace::isOutParameterType(QualType T) {
  if (T->isLValueReferenceType())
    return !T.getNonReferenceType().isConstQualified();
  if (!T->isPointerType())
    return false;
  QualType Pointee = T->getPointeeType();
  return !Pointee.isConstQualified() &&
         !(Pointee->isRecordType() && Pointee->isIncompleteType());
}

const Expr *dbrace::objectOfCall(const CallExpr *Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    return MC->getImplicitObjectArgument();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) &&
        Op->getNumArgs() > 0)
      return Op->getArg(0);
  return nullptr;
}

llvm::ArrayRef<const Expr *> dbrace::callArguments(const CallExpr *Call) {
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  if (isa<CXXOperatorCallExpr>(Call) && objectOfCall(Call))
    return Args.drop_front();
  return Args;
}

const ValueDecl *dbrace::valueOrigin(const ValueDecl *D) {
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    const auto *V = dyn_cast_or_null<VarDecl>(D);
    if (!V || isa<ParmVarDecl>(V) || !V->isLocalVarDecl() || !V->getInit())
      return D;
    // A range-for's hidden range and iterator variables and its loop
    // variable: `*__begin`, `__range.begin()`.
    bool RangeFor = V->isImplicit() || V->isCXXForRangeDecl();
    if (!RangeFor && !V->getType().isConstQualified() &&
        !V->getType()->isReferenceType())
      return D;
    const Expr *Init = stripWrappers(V->getInit());
    const ValueDecl *From = rootDecl(Init);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Init);
        !From && RangeFor && MC && MC->getNumArgs() == 0)
      From = rootDecl(MC->getImplicitObjectArgument());
    if (!From)
      return D;
    D = From;
  }
  return D;
}
