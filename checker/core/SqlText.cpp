//===--- SqlText.cpp - The SQL a C++ expression evaluates to --------------===//

#include "SqlText.h"
#include "AstNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace dbrace;

namespace {
constexpr unsigned MaxDepth = 8;

bool isTextLike(QualType T) {
  T = T.getNonReferenceType();
  if (T->isRecordType())
    return true;
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType()->isAnyCharacterType();
  if (const auto *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType()->isAnyCharacterType();
  return false;
}

std::string literalText(const StringLiteral *SL) {
  if (SL->getCharByteWidth() == 1)
    return SL->getString().str();
  std::string Text;
  for (unsigned I = 0, N = SL->getLength(); I < N; ++I) {
    uint32_t C = SL->getCodeUnit(I);
    Text.push_back(C < 128 ? static_cast<char>(C) : '?');
  }
  return Text;
}

/// Children of \p S in source order, for the modification scan.
template <typename Fn> void forEachDescendant(const Stmt *S, Fn &&F) {
  if (!S)
    return;
  F(S);
  for (const Stmt *Child : S->children())
    forEachDescendant(Child, F);
}

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
} // namespace

RecoveredSql SqlTextResolver::resolve(const Expr *E, const Stmt *Body) {
  RecoveredSql Out;
  Out.Root = E;
  append(E, Body, Out, nullptr, 0);
  return Out;
}

void SqlTextResolver::appendHole(const Expr *E, RecoveredSql &Out) {
  Out.Text += "$" + std::to_string(FirstHoleParam + Out.Holes.size());
  Out.Holes.push_back(E);
}

void SqlTextResolver::append(const Expr *E, const Stmt *Body,
                             RecoveredSql &Out, const VarDecl *Via,
                             unsigned Depth) {
  E = stripWrappers(E);
  if (!E || Depth > MaxDepth)
    return appendHole(E, Out);

  if (const auto *SL = dyn_cast<StringLiteral>(E)) {
    SqlPiece Piece;
    Piece.Offset = Out.Text.size();
    Piece.Literal = SL;
    Piece.Via = Via;
    Piece.Editable = SL->getCharByteWidth() == 1 &&
                     !SL->getBeginLoc().isMacroID() &&
                     !SL->getEndLoc().isMacroID();
    Out.Text += literalText(SL);
    Piece.Length = Out.Text.size() - Piece.Offset;
    Out.Pieces.push_back(Piece);
    return;
  }

  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2) {
      append(Op->getArg(0), Body, Out, Via, Depth + 1);
      append(Op->getArg(1), Body, Out, Via, Depth + 1);
      return;
    }
    return appendHole(E, Out);
  }

  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    // std::string(const char *), std::string_view, sql::SQLString, QString.
    if (CE->getNumArgs() >= 1 && isTextLike(CE->getArg(0)->getType()))
      return append(CE->getArg(0), Body, Out, Via, Depth + 1);
    return appendHole(E, Out);
  }

  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  if (MC) {
    // std::string's .c_str() and .data() give the text of their object.
    if (const auto *M = MC->getMethodDecl();
        M && MC->getNumArgs() == 0 && M->getIdentifier() &&
        llvm::is_contained({"c_str", "data"}, M->getName()))
      return append(MC->getImplicitObjectArgument(), Body, Out, Via, Depth + 1);
  }

  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const Expr *Text = sqlTextWrapped(Call, MC))
      return append(Text, Body, Out, Via, Depth + 1);
    return appendHole(E, Out);
  }

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return appendVariable(V, E, Body, Out, Depth + 1);
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return appendVariable(V, E, Body, Out, Depth + 1);

  appendHole(E, Out);
}

/// The text a rules-declared wrapper carries (`QLatin1String(...)`,
/// `str.toStdString()`): its SQL argument, or else its object.
const Expr *SqlTextResolver::sqlTextWrapped(const CallExpr *Call,
                                            const CXXMemberCallExpr *MC) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return nullptr;
  std::vector<std::string> Names{qualifiedName(FD)};
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD))
    for (const std::string &Class : classAndBases(M->getParent()))
      Names.push_back(Class + "::" + FD->getName().str());
  for (const ApiModel::CallMatch &M : Model.callsNamed(FD->getName())) {
    if (M.Rule->Action != CallAction::SqlText ||
        !llvm::is_contained(Names, M.Rule->Name))
      continue;
    if (!M.Rule->SqlArg)
      return MC ? MC->getImplicitObjectArgument() : nullptr;
    if (*M.Rule->SqlArg < Call->getNumArgs())
      return Call->getArg(*M.Rule->SqlArg);
  }
  return nullptr;
}

void SqlTextResolver::appendVariable(const VarDecl *V, const Expr *Use,
                                     const Stmt *Body, RecoveredSql &Out,
                                     unsigned Depth) {
  const VarDecl *Def = V->getDefinition() ? V->getDefinition() : V;
  const Expr *Init = Def->getAnyInitializer(Def);
  bool Constant = Def->isConstexpr() || Def->getType().isConstQualified() ||
                  Def->getType()->isReferenceType();
  if (!Init || isa<ParmVarDecl>(Def) || (!Constant && !Def->isLocalVarDecl()))
    return appendHole(Use, Out);

  append(Init, Body, Out, Def->getCanonicalDecl(), Depth);
  if (Constant)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Modification &M : modifications(Def, Body)) {
    if (!SM.isBeforeInTranslationUnit(M.At->getBeginLoc(), Use->getBeginLoc()))
      break;
    if (M.Replaces) {
      Out = RecoveredSql{"", {}, {}, Out.Root};
    }
    append(M.Value, Body, Out, Def->getCanonicalDecl(), Depth);
  }
}

const std::vector<SqlTextResolver::Modification> &
SqlTextResolver::modifications(const VarDecl *V, const Stmt *Body) {
  if (ModifiedBody != Body) {
    ModifiedBody = Body;
    Modified.clear();
    forEachDescendant(Body, [&](const Stmt *S) {
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
        bool Append = Op->getOperator() == OO_PlusEqual;
        if ((Append || Op->getOperator() == OO_Equal) && Op->getNumArgs() == 2)
          if (const auto *Target = dyn_cast_or_null<VarDecl>(
                  rootDecl(Op->getArg(0))))
            if (isa<DeclRefExpr>(stripWrappers(Op->getArg(0))))
              Modified[Target].push_back({Op, Op->getArg(1), !Append});
      } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
        const CXXMethodDecl *M = MC->getMethodDecl();
        if (M && M->getIdentifier() && M->getName() == "append" &&
            MC->getNumArgs() == 1)
          if (const auto *Target = dyn_cast_or_null<VarDecl>(
                  rootDecl(MC->getImplicitObjectArgument())))
            Modified[Target].push_back({MC, MC->getArg(0), false});
      }
    });
  }
  static const std::vector<Modification> None;
  auto It = Modified.find(V);
  return It == Modified.end() ? None : It->second;
}

unsigned SqlTextResolver::useCount(const VarDecl *V) {
  if (!UseCounts) {
    UseCounts.emplace();
    UseCounter(*UseCounts).TraverseAST(Ctx);
  }
  auto It = UseCounts->find(V->getCanonicalDecl());
  return It == UseCounts->end() ? 0 : It->second;
}

const SqlPiece *SqlTextResolver::pieceAt(const RecoveredSql &Sql,
                                         size_t Offset, bool AtEnd) {
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

std::optional<SourceLocation>
SqlTextResolver::locationIn(const SqlPiece *Piece, size_t Offset) {
  if (!Piece || !Piece->Editable)
    return std::nullopt;
  if (Piece->Via && useCount(Piece->Via) != 1)
    return std::nullopt;
  return Piece->Literal->getLocationOfByte(
      Offset - Piece->Offset, Ctx.getSourceManager(), Ctx.getLangOpts(),
      Ctx.getTargetInfo());
}

std::optional<FixItHint> SqlTextResolver::insertAt(const RecoveredSql &Sql,
                                                   size_t Offset,
                                                   llvm::StringRef Insertion) {
  if (auto Loc = locationIn(pieceAt(Sql, Offset, /*AtEnd=*/true), Offset))
    return FixItHint::CreateInsertion(*Loc, Insertion);

  // "... WHERE id = " + w.quote(id): the text ends in a hole, so the
  // clause is appended to the std::string expression itself.
  const Expr *Root = Sql.Root ? stripWrappers(Sql.Root) : nullptr;
  bool EndsInHole = Offset == Sql.Text.size() &&
                    (Sql.Pieces.empty() || Sql.Pieces.back().Offset +
                                                   Sql.Pieces.back().Length <
                                               Sql.Text.size());
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
SqlTextResolver::replaceRange(const RecoveredSql &Sql, size_t Begin,
                              size_t End, llvm::StringRef Replacement) {
  const SqlPiece *Piece = pieceAt(Sql, Begin, /*AtEnd=*/false);
  if (Piece != pieceAt(Sql, End, /*AtEnd=*/true))
    return std::nullopt; // The statement spans several literals or holes.
  auto From = locationIn(Piece, Begin), To = locationIn(Piece, End);
  if (!From || !To)
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getCharRange(*From, *To),
                                      Replacement);
}

std::optional<std::string> dbrace::statementName(const Expr *E,
                                                 SqlTextResolver &Resolver) {
  RecoveredSql Name = Resolver.resolve(E, nullptr);
  if (!Name.Known() || !Name.Holes.empty() || Name.Text.empty())
    return std::nullopt;
  return Name.Text;
}
