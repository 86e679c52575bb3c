//===--- SqlTextConstants.cpp - Text the compiler knows without a literal -===//
//
// Pieces of SQL that are values known at compile time but not string
// literals: an integer or character constant written into a stream or
// appended to a string (`<< 10`, `+ ' '`), and the string a literal operator
// template receives as its template argument (`R"(SELECT ...)"_M` with
// `template <fixed_string S> auto operator""_M()`).
//
//===----------------------------------------------------------------------===//

#include "SqlText.h"
#include "clang/AST/APValue.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace dbrace;

namespace {

void pushCodeUnit(uint64_t C, std::string &Text) {
  Text.push_back(C < 128 ? static_cast<char>(C) : '?');
}

/// The characters of a constant of type \p T, up to its first NUL: a
/// character array, or the first member or base that holds one (a
/// `fixed_string` keeps its characters in an array member).
std::optional<std::string> textOfValue(const APValue &V, QualType T,
                                       const ASTContext &Ctx, unsigned Depth) {
  if (Depth > 4)
    return std::nullopt;
  if (V.isArray()) {
    const ArrayType *AT = Ctx.getAsArrayType(T);
    if (!AT || !AT->getElementType()->isAnyCharacterType())
      return std::nullopt;
    std::string Text;
    for (unsigned I = 0, N = V.getArraySize(); I < N; ++I) {
      const APValue &E = I < V.getArrayInitializedElts()
                             ? V.getArrayInitializedElt(I)
                             : V.getArrayFiller();
      if (!E.isInt())
        return std::nullopt;
      uint64_t C = E.getInt().getZExtValue();
      if (C == 0)
        break;
      pushCodeUnit(C, Text);
    }
    return Text;
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!V.isStruct() || !RD)
    return std::nullopt;
  unsigned Base = 0;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (Base < V.getStructNumBases())
      if (auto Text =
              textOfValue(V.getStructBase(Base++), B.getType(), Ctx, Depth + 1))
        return Text;
  for (const FieldDecl *F : RD->fields())
    if (F->getFieldIndex() < V.getStructNumFields())
      if (auto Text = textOfValue(V.getStructField(F->getFieldIndex()),
                                  F->getType(), Ctx, Depth + 1))
        return Text;
  return std::nullopt;
}

/// The string a literal operator template was instantiated with: a class
/// value holding its characters (C++20), or a pack of characters (the GNU
/// `template <typename C, C... Cs>` form).
std::optional<std::string> templateLiteralText(const FunctionDecl *Operator,
                                               const ASTContext &Ctx) {
  const TemplateArgumentList *Args =
      Operator ? Operator->getTemplateSpecializationArgs() : nullptr;
  if (!Args || Args->size() == 0)
    return std::nullopt;
  const TemplateArgument &Last = Args->get(Args->size() - 1);
  // A class value is the one object of its value (C++20 [temp.param]).
  if (Last.getKind() == TemplateArgument::Declaration)
    if (const auto *Object =
            dyn_cast<TemplateParamObjectDecl>(Last.getAsDecl()))
      return textOfValue(Object->getValue(), Object->getType(), Ctx, 0);
  if (Last.getKind() == TemplateArgument::StructuralValue)
    return textOfValue(Last.getAsStructuralValue(),
                       Last.getStructuralValueType(), Ctx, 0);
  if (Last.getKind() != TemplateArgument::Pack)
    return std::nullopt;
  std::string Text;
  for (const TemplateArgument &C : Last.pack_elements()) {
    if (C.getKind() != TemplateArgument::Integral)
      return std::nullopt;
    pushCodeUnit(C.getAsIntegral().getZExtValue(), Text);
  }
  return Text;
}

} // namespace

void SqlTextResolver::appendConstantText(llvm::StringRef Text,
                                         RecoveredSql &Out) {
  SqlPiece Piece;
  Piece.Offset = Out.Text.size();
  Piece.Length = Text.size();
  Out.Text += Text.str();
  Out.Pieces.push_back(Piece); // No literal spells it: never edited.
}

bool SqlTextResolver::appendConstant(const Expr *Written, const Expr *E,
                                     RecoveredSql &Out) {
  QualType T = Written->getType().getNonReferenceType();
  if (!T->isIntegralOrEnumerationType() || E->isValueDependent())
    return false;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return false;
  const llvm::APSInt &V = R.Val.getInt();
  // A character is written as itself, a number (and a bool, as a stream
  // writes it) in decimal.
  if (T->isAnyCharacterType()) {
    std::string Char;
    pushCodeUnit(V.getZExtValue(), Char);
    appendConstantText(Char, Out);
  } else {
    appendConstantText(llvm::toString(V, 10), Out);
  }
  return true;
}

bool SqlTextResolver::appendTemplateLiteral(const UserDefinedLiteral *UDL,
                                            RecoveredSql &Out) {
  std::optional<std::string> Text =
      templateLiteralText(UDL->getDirectCallee(), Ctx);
  if (!Text)
    return false;
  appendConstantText(*Text, Out);
  return true;
}
