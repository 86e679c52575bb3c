//===--- SqlTextEdits.cpp - Fix-its in recovered SQL text -----------------===//
//
// An edit of the SQL text becomes an edit of the literal that spells it,
// when that literal is spelt in the file and used by this statement alone.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "SqlText.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace dbrace;

namespace {

class UseCounter : public RecursiveASTVisitor<UseCounter> {
public:
  explicit UseCounter(llvm::DenseMap<const VarDecl *, unsigned> &Counts)
      : Counts(Counts) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *V = dyn_cast<VarDecl>(E->getDecl()))
      ++Counts[V->getCanonicalDecl()];
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (const auto *V = dyn_cast<VarDecl>(E->getMemberDecl()))
      ++Counts[V->getCanonicalDecl()];
    return true;
  }

private:
  llvm::DenseMap<const VarDecl *, unsigned> &Counts;
};

/// Whether text put into a format string would read as a placeholder there.
bool addsFormatSyntax(llvm::StringRef Text) {
  return Text.find_first_of("%{}") != llvm::StringRef::npos;
}

} // namespace

unsigned SqlTextResolver::useCount(const VarDecl *V) {
  if (!UseCounts) {
    UseCounts.emplace();
    UseCounter(*UseCounts).TraverseAST(Ctx);
  }
  auto It = UseCounts->find(V->getCanonicalDecl());
  return It == UseCounts->end() ? 0 : It->second;
}

const SqlPiece *SqlTextResolver::pieceAt(const RecoveredSql &Sql, size_t Offset,
                                         bool AtEnd) {
  const SqlPiece *Found = nullptr;
  for (const SqlPiece &P : Sql.Pieces) {
    if (Offset < P.Offset || Offset > P.Offset + P.Length)
      continue;
    Found = &P;
    // At a boundary, an insertion belongs at the end of the earlier piece;
    // a replacement's start at the beginning of the later one.
    if (AtEnd)
      break;
  }
  return Found;
}

std::optional<SourceLocation> SqlTextResolver::locationIn(const SqlPiece *Piece,
                                                          size_t Offset) {
  if (!Piece || !Piece->Editable)
    return std::nullopt;
  if (Piece->Via && useCount(Piece->Via) != 1)
    return std::nullopt;
  return Piece->Literal->getLocationOfByte(
      Offset - Piece->Offset + Piece->LiteralOffset, Ctx.getSourceManager(),
      Ctx.getLangOpts(), Ctx.getTargetInfo());
}

std::optional<FixItHint> SqlTextResolver::insertAt(const RecoveredSql &Sql,
                                                   size_t Offset,
                                                   llvm::StringRef Insertion) {
  const SqlPiece *Piece = pieceAt(Sql, Offset, /*AtEnd=*/true);
  if (Piece && Piece->InFormat && addsFormatSyntax(Insertion))
    return std::nullopt;
  if (auto Loc = locationIn(Piece, Offset))
    return FixItHint::CreateInsertion(*Loc, Insertion);

  // "... WHERE id = " + w.quote(id): the text ends in a hole, so the
  // clause is appended to the std::string expression itself.
  const Expr *Root = Sql.Root ? stripWrappers(Sql.Root) : nullptr;
  // The concatenation converted implicitly to the API's own string class
  // (a converting constructor the code does not spell): the clause goes on
  // the concatenation, whose type the conversion still accepts.
  if (const auto *Conversion = dyn_cast_or_null<CXXConstructExpr>(Root);
      Conversion && Conversion->getNumArgs() == 1 &&
      !isa<CXXTemporaryObjectExpr>(Conversion) &&
      Conversion->getParenOrBraceRange().isInvalid() &&
      Conversion->getConstructor()->isConvertingConstructor(
          /*AllowExplicit=*/false))
    Root = stripWrappers(Conversion->getArg(0));
  bool EndsInHole =
      Offset == Sql.Text.size() &&
      (Sql.Pieces.empty() ||
       Sql.Pieces.back().Offset + Sql.Pieces.back().Length < Sql.Text.size());
  if (!EndsInHole || !Root || !Root->getType()->isRecordType() ||
      !isa<CXXOperatorCallExpr>(Root) || Root->getBeginLoc().isMacroID() ||
      Root->getEndLoc().isMacroID())
    return std::nullopt;
  SourceLocation End = Lexer::getLocForEndOfToken(
      Root->getEndLoc(), 0, Ctx.getSourceManager(), Ctx.getLangOpts());
  if (End.isInvalid())
    return std::nullopt;
  return FixItHint::CreateInsertion(End, (" + \"" + Insertion + "\"").str());
}

std::optional<FixItHint>
SqlTextResolver::replaceRange(const RecoveredSql &Sql, size_t Begin, size_t End,
                              llvm::StringRef Replacement) {
  const SqlPiece *Piece = pieceAt(Sql, Begin, /*AtEnd=*/false);
  if (Piece != pieceAt(Sql, End, /*AtEnd=*/true))
    return std::nullopt; // The statement spans several literals or holes.
  if (Piece && Piece->InFormat && addsFormatSyntax(Replacement))
    return std::nullopt;
  auto From = locationIn(Piece, Begin), To = locationIn(Piece, End);
  if (!From || !To)
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getCharRange(*From, *To),
                                      Replacement);
}
