//===--- SourceEdits.h - Where fix-its go in the source text --------------===//
//
// Small helpers the fix-its share: statements and their blocks, the text and
// indentation of the source, and fix-its that are safe to combine.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_FIXES_SOURCEEDITS_H
#define DBRACE_CORE_FIXES_SOURCEEDITS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace dbrace::fixes {

/// The chain of statements from \p Root down to \p Target (both included),
/// not looking into lambdas; empty when \p Target is not under \p Root.
llvm::SmallVector<const clang::Stmt *, 8> pathTo(const clang::Stmt *Root,
                                                 const clang::Stmt *Target);

/// Where a statement sits in a block: the innermost `{ }` around
/// \p Target, and the statement of that block that contains it.
struct BlockPosition {
  const clang::CompoundStmt *Block = nullptr;
  const clang::Stmt *Statement = nullptr;
  unsigned Index = 0; ///< Of Statement in Block.
};
std::optional<BlockPosition> positionInBlock(const clang::Stmt *Root,
                                             const clang::Stmt *Target);

/// The file range of \p S with its closing `;`, when \p S and that `;` are
/// spelled in the main file or a header (not in a macro).
std::optional<clang::CharSourceRange>
statementRange(const clang::Stmt *S, const clang::ASTContext &Ctx);

/// The source text of \p R.
std::string sourceText(clang::CharSourceRange R, const clang::ASTContext &Ctx);

/// The whitespace that starts \p Loc's line.
std::string indentationOf(clang::SourceLocation Loc,
                          const clang::ASTContext &Ctx);

/// The start of \p Loc's line when only whitespace precedes \p Loc there.
std::optional<clang::SourceLocation>
startOfLineBefore(clang::SourceLocation Loc, const clang::ASTContext &Ctx);

/// \p R's text with \p Edits applied, each of which must lie inside \p R.
std::optional<std::string> editedText(clang::CharSourceRange R,
                                      llvm::ArrayRef<clang::FixItHint> Edits,
                                      const clang::ASTContext &Ctx);

/// The file offsets [Begin, End) a fix-it replaces (Begin == End for an
/// insertion), or none in a macro.
struct EditSpan {
  clang::FileID File;
  unsigned Begin = 0, End = 0;
};
std::optional<EditSpan> spanOf(const clang::FixItHint &Fix,
                               const clang::ASTContext &Ctx);

/// Whether two edits cannot both be applied as meant: they replace
/// overlapping text, one inserts inside text the other replaces, or both
/// insert at the same place (their order would be arbitrary).
bool conflicting(const EditSpan &A, const EditSpan &B);

} // namespace dbrace::fixes

#endif // DBRACE_CORE_FIXES_SOURCEEDITS_H
