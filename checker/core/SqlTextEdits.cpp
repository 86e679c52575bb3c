//===--- SqlTextEdits.cpp - Fix-its in recovered SQL text -----------------===//
//
// An edit of the SQL text becomes an edit of the literal that spells it,
// when that literal is spelt in the file and used by this statement alone.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "SqlText.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
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

/// The full expression around \p Sql's root: the call that runs the
/// statement, with its other arguments.
const Stmt *SqlTextResolver::runningCall(const RecoveredSql &Sql) {
  const Stmt *Running = Sql.Root;
  for (DynTypedNodeList Parents = Ctx.getParents(*Running);
       !Parents.empty() && Parents[0].get<Expr>();
       Parents = Ctx.getParents(*Running))
    Running = Parents[0].get<Expr>();
  return Running;
}

/// Whether every use of the local \p V is inside the call that runs the
/// statement (`prepare(stmt, q, strlen(q))`): an edit of its text reaches
/// that call alone, and its other arguments see the same new text.
bool SqlTextResolver::onlyTheRunningCallUses(const RecoveredSql &Sql,
                                             const VarDecl *V) {
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
  if (!Sql.Root || !V->isLocalVarDecl() || !Function || !Function->getBody())
    return false;
  const Stmt *Running = runningCall(Sql);
  unsigned Inside = 0;
  forEachDescendant(Running, [&](const Stmt *S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(S);
    Inside +=
        Ref && Ref->getDecl()->getCanonicalDecl() == V->getCanonicalDecl();
  });
  return Inside == useCount(V);
}

std::optional<SourceLocation>
SqlTextResolver::locationIn(const RecoveredSql &Sql, const SqlPiece *Piece,
                            size_t Offset) {
  if (!Piece || !Piece->Editable)
    return std::nullopt;
  if (Piece->Via && useCount(Piece->Via) != 1 &&
      !onlyTheRunningCallUses(Sql, Piece->Via))
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
  if (auto Loc = locationIn(Sql, Piece, Offset))
    return FixItHint::CreateInsertion(*Loc, Insertion);

  bool EndsInHole =
      Offset == Sql.Text.size() &&
      (Sql.Pieces.empty() ||
       Sql.Pieces.back().Offset + Sql.Pieces.back().Length < Sql.Text.size());
  if (!EndsInHole)
    return std::nullopt;
  return insertAtTail(Sql, Insertion);
}

/// `"... WHERE id = " + w.quote(id)`, `os << "... id = " << id`: the text
/// ends in a value, so the clause is written after the code that wrote it.
std::optional<FixItHint>
SqlTextResolver::insertAtTail(const RecoveredSql &Sql,
                              llvm::StringRef Insertion) {
  if (!Sql.Tail || Sql.Tail->TextEnd != Sql.Text.size() ||
      !tailReachesOnlyTheCall(Sql))
    return std::nullopt;
  SourceLocation End =
      Lexer::getLocForEndOfToken(Sql.Tail->After->getEndLoc(), 0,
                                 Ctx.getSourceManager(), Ctx.getLangOpts());
  if (End.isInvalid())
    return std::nullopt;
  std::string Quoted = ("\"" + Insertion + "\"").str();
  switch (Sql.Tail->How) {
  case SqlTail::Concatenation:
    return FixItHint::CreateInsertion(End, " + " + Quoted);
  case SqlTail::Stream:
    return FixItHint::CreateInsertion(End, " << " + Quoted);
  case SqlTail::Append:
    return FixItHint::CreateInsertion(End, ".append(" + Quoted + ")");
  }
  return std::nullopt;
}

/// Whether the variables the edit changes are read after the tail only by
/// the call that runs the statement (`mysql_real_query(c, q.c_str(),
/// q.size())`) or on the way to it (`std::string s = os.str();`): another
/// statement run from them must not gain the clause.
bool SqlTextResolver::tailReachesOnlyTheCall(const RecoveredSql &Sql) {
  const SqlTail &Tail = *Sql.Tail;
  if (!Sql.Root)
    return false;
  const Stmt *Running = runningCall(Sql);
  const SourceManager &SM = Ctx.getSourceManager();
  auto Within = [&](SourceLocation L, SourceRange R) {
    return R.isValid() && !SM.isBeforeInTranslationUnit(L, R.getBegin()) &&
           !SM.isBeforeInTranslationUnit(R.getEnd(), L);
  };
  SourceLocation TailEnd = Tail.After->getEndLoc();
  for (size_t I = 0; I < Tail.Through.size(); ++I) {
    const VarDecl *V = Tail.Through[I];
    const auto *Function =
        dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
    if (!V->isLocalVarDecl() || !Function || !Function->getBody())
      return false;
    bool Safe = true;
    forEachDescendant(Function->getBody(), [&](const Stmt *S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(S);
      if (!Safe || !Ref || Ref->getDecl()->getCanonicalDecl() != V ||
          !SM.isBeforeInTranslationUnit(TailEnd, Ref->getLocation()))
        return;
      bool OnTheWay = Within(Ref->getLocation(), Running->getSourceRange());
      for (size_t J = I + 1; J < Tail.Through.size() && !OnTheWay; ++J)
        if (const Expr *Init = Tail.Through[J]->getInit())
          OnTheWay = Within(Ref->getLocation(), Init->getSourceRange());
      Safe = OnTheWay;
    });
    if (!Safe)
      return false;
  }
  return true;
}

std::optional<FixItHint>
SqlTextResolver::replaceRange(const RecoveredSql &Sql, size_t Begin, size_t End,
                              llvm::StringRef Replacement) {
  const SqlPiece *Piece = pieceAt(Sql, Begin, /*AtEnd=*/false);
  if (Piece != pieceAt(Sql, End, /*AtEnd=*/true))
    return std::nullopt; // The statement spans several literals or holes.
  if (Piece && Piece->InFormat && addsFormatSyntax(Replacement))
    return std::nullopt;
  auto From = locationIn(Sql, Piece, Begin), To = locationIn(Sql, Piece, End);
  if (!From || !To)
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getCharRange(*From, *To),
                                      Replacement);
}
