//===--- SourceEdits.cpp - Where fix-its go in the source text ------------===//

#include "SourceEdits.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace dbrace::fixes {

namespace {
bool findPath(const Stmt *S, const Stmt *Target,
              llvm::SmallVectorImpl<const Stmt *> &Path) {
  if (!S)
    return false;
  Path.push_back(S);
  if (S == Target)
    return true;
  if (!isa<LambdaExpr>(S))
    for (const Stmt *Child : S->children())
      if (findPath(Child, Target, Path))
        return true;
  Path.pop_back();
  return false;
}
} // namespace

llvm::SmallVector<const Stmt *, 8> pathTo(const Stmt *Root,
                                          const Stmt *Target) {
  llvm::SmallVector<const Stmt *, 8> Path;
  if (!findPath(Root, Target, Path))
    Path.clear();
  return Path;
}

std::optional<BlockPosition> positionInBlock(const Stmt *Root,
                                             const Stmt *Target) {
  auto Path = pathTo(Root, Target);
  for (size_t I = Path.size(); I-- > 1;) {
    const auto *Block = dyn_cast<CompoundStmt>(Path[I - 1]);
    if (!Block)
      continue;
    unsigned Index = 0;
    for (const Stmt *Child : Block->body()) {
      if (Child == Path[I])
        return BlockPosition{Block, Child, Index};
      ++Index;
    }
  }
  return std::nullopt;
}

std::optional<CharSourceRange> statementRange(const Stmt *S,
                                              const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = S->getBeginLoc(), End = S->getEndLoc();
  if (Begin.isInvalid() || End.isInvalid() || Begin.isMacroID() ||
      End.isMacroID() || SM.getFileID(Begin) != SM.getFileID(End))
    return std::nullopt;
  if (isa<DeclStmt>(S) || !(isa<Expr>(S) || isa<ReturnStmt>(S)))
    return CharSourceRange::getTokenRange(Begin, End);
  SourceLocation AfterSemi =
      Lexer::findLocationAfterToken(End, tok::semi, SM, Ctx.getLangOpts(),
                                    /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (AfterSemi.isInvalid())
    return std::nullopt;
  return CharSourceRange::getCharRange(Begin, AfterSemi);
}

std::optional<EditSpan> spanOf(const FixItHint &Fix, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = Fix.RemoveRange;
  SourceLocation Begin = R.getBegin(), End = R.getEnd();
  if (Begin.isInvalid() || Begin.isMacroID() || End.isMacroID())
    return std::nullopt;
  if (End.isInvalid())
    End = Begin;
  auto [File, BeginOffset] = SM.getDecomposedLoc(Begin);
  auto [EndFile, EndOffset] = SM.getDecomposedLoc(End);
  if (File != EndFile)
    return std::nullopt;
  if (R.isTokenRange())
    EndOffset += Lexer::MeasureTokenLength(End, SM, Ctx.getLangOpts());
  if (EndOffset < BeginOffset)
    return std::nullopt;
  return EditSpan{File, BeginOffset, EndOffset};
}

bool conflicting(const EditSpan &A, const EditSpan &B) {
  if (A.File != B.File)
    return false;
  bool AInserts = A.Begin == A.End, BInserts = B.Begin == B.End;
  if (AInserts && BInserts)
    return A.Begin == B.Begin;
  if (AInserts)
    return B.Begin < A.Begin && A.Begin < B.End;
  if (BInserts)
    return A.Begin < B.Begin && B.Begin < A.End;
  return A.Begin < B.End && B.Begin < A.End;
}

std::string sourceText(CharSourceRange R, const ASTContext &Ctx) {
  return Lexer::getSourceText(R, Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

std::string indentationOf(SourceLocation Loc, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  llvm::StringRef Buffer = SM.getBufferData(File);
  size_t LineStart = Buffer.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Line = Buffer.substr(LineStart);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

std::optional<SourceLocation> startOfLineBefore(SourceLocation Loc,
                                                const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Loc.isInvalid() || Loc.isMacroID())
    return std::nullopt;
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  llvm::StringRef Before = SM.getBufferData(File).substr(0, Offset);
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  if (!Before.substr(LineStart).trim(" \t").empty())
    return std::nullopt;
  return Loc.getLocWithOffset(-static_cast<int>(Offset - LineStart));
}

std::optional<std::string> editedText(CharSourceRange R,
                                      llvm::ArrayRef<FixItHint> Edits,
                                      const ASTContext &Ctx) {
  FixItHint Whole;
  Whole.RemoveRange = R;
  auto Outer = spanOf(Whole, Ctx);
  if (!Outer)
    return std::nullopt;
  std::string Text = sourceText(R, Ctx);
  if (Text.size() != Outer->End - Outer->Begin)
    return std::nullopt;
  llvm::SmallVector<std::pair<EditSpan, const FixItHint *>, 4> Spans;
  for (const FixItHint &E : Edits) {
    auto S = spanOf(E, Ctx);
    if (!S || S->File != Outer->File || S->Begin < Outer->Begin ||
        S->End > Outer->End)
      return std::nullopt;
    Spans.push_back({*S, &E});
  }
  // From the end, so that earlier offsets stay valid.
  llvm::stable_sort(Spans, [](const auto &A, const auto &B) {
    return A.first.Begin > B.first.Begin;
  });
  for (const auto &[S, E] : Spans)
    Text.replace(S.Begin - Outer->Begin, S.End - S.Begin, E->CodeToInsert);
  return Text;
}

} // namespace dbrace::fixes
