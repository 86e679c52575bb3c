//===--- SqlText.h - The SQL a C++ expression evaluates to ----------------===//
//
// Follows literals, concatenation, constants and string-building locals
// within the translation unit. What cannot be resolved becomes a hole,
// written `$1001`, `$1002`, ... in the text, and remembered as an expression.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SQLTEXT_H
#define DBRACE_CORE_SQLTEXT_H

#include "ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace {

/// A run of the text that a string literal spells.
struct SqlPiece {
  size_t Offset = 0; ///< In RecoveredSql::Text.
  size_t Length = 0;
  const clang::StringLiteral *Literal = nullptr;
  /// Editing the literal changes only this statement: spelled in the file
  /// (not in a macro), and not in a constant that other code also uses.
  bool Editable = false;
  /// The constant or variable the literal initialises, if any: editable only
  /// while nothing else uses it.
  const clang::VarDecl *Via = nullptr;
};

struct RecoveredSql {
  std::string Text;
  std::vector<SqlPiece> Pieces;
  std::vector<const clang::Expr *> Holes; ///< Hole i is `$(1001 + i)`.
  const clang::Expr *Root = nullptr;      ///< The expression resolved.
  bool Known() const { return !Pieces.empty(); }
};

/// First parameter number used for holes.
constexpr int FirstHoleParam = 1001;

class SqlTextResolver {
public:
  SqlTextResolver(clang::ASTContext &Ctx, const ApiModel &Model)
      : Ctx(Ctx), Model(Model) {}

  /// The SQL of \p E, evaluated at \p E's position inside \p Body.
  RecoveredSql resolve(const clang::Expr *E, const clang::Stmt *Body);

  /// A fix-it inserting \p Insertion at \p Offset of \p Sql's text, if the
  /// text there comes from one editable literal, or from the end of a
  /// std::string concatenation.
  std::optional<clang::FixItHint> insertAt(const RecoveredSql &Sql,
                                           size_t Offset,
                                           llvm::StringRef Insertion);

  /// A fix-it replacing Sql text [Begin, End) by \p Replacement.
  std::optional<clang::FixItHint> replaceRange(const RecoveredSql &Sql,
                                               size_t Begin, size_t End,
                                               llvm::StringRef Replacement);

private:
  void append(const clang::Expr *E, const clang::Stmt *Body,
              RecoveredSql &Out, const clang::VarDecl *Via, unsigned Depth);
  void appendVariable(const clang::VarDecl *V, const clang::Expr *Use,
                      const clang::Stmt *Body, RecoveredSql &Out,
                      unsigned Depth);
  /// `+=`, `append` and `=` on local strings in \p Body, in source order.
  struct Modification {
    const clang::Expr *At;
    const clang::Expr *Value;
    bool Replaces;
  };
  const std::vector<Modification> &modifications(const clang::VarDecl *V,
                                                 const clang::Stmt *Body);
  void appendHole(const clang::Expr *E, RecoveredSql &Out);
  const clang::Expr *sqlTextWrapped(const clang::CallExpr *Call,
                                    const clang::CXXMemberCallExpr *MC);
  unsigned useCount(const clang::VarDecl *V);
  const SqlPiece *pieceAt(const RecoveredSql &Sql, size_t Offset, bool AtEnd);
  std::optional<clang::SourceLocation> locationIn(const SqlPiece *Piece,
                                                  size_t Offset);

  clang::ASTContext &Ctx;
  const ApiModel &Model;
  std::optional<llvm::DenseMap<const clang::VarDecl *, unsigned>> UseCounts;
  const clang::Stmt *ModifiedBody = nullptr;
  llvm::DenseMap<const clang::VarDecl *, std::vector<Modification>> Modified;
};

/// The text of a prepared statement's name when it is fully known: a
/// literal, a constant, or a std::string converted from either.
std::optional<std::string> statementName(const clang::Expr *E,
                                         SqlTextResolver &Resolver);

} // namespace dbrace

#endif // DBRACE_CORE_SQLTEXT_H
