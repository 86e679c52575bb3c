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
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>
#include <memory>
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
  /// Where in the literal's bytes the piece starts (a format's text between
  /// placeholders is several pieces of one literal).
  size_t LiteralOffset = 0;
  /// Part of a format string: an edit must not add placeholder syntax.
  bool InFormat = false;
};

/// Where the code that builds a statement can write more text after it:
/// `"... id = " + std::to_string(id)` takes ` + "..."`, a stream chain
/// ` << "..."`, an append chain `.append("...")`. A text that ends in a
/// value has no literal to edit, so a clause goes there.
struct SqlTail {
  enum Form { Concatenation, Stream, Append };
  Form How = Concatenation;
  const clang::Expr *After = nullptr;
  /// The length of the text when After was written: the tail is the end of
  /// the statement only while nothing follows it.
  size_t TextEnd = 0;
  /// The local variables the text passes through on its way to the call
  /// that runs it; the edit changes their values from After on.
  llvm::SmallVector<const clang::VarDecl *, 2> Through;
};

struct RecoveredSql {
  std::string Text;
  std::vector<SqlPiece> Pieces;
  std::vector<const clang::Expr *> Holes; ///< Hole i is `$(1001 + i)`.
  const clang::Expr *Root = nullptr;      ///< The expression resolved.
  std::optional<SqlTail> Tail;
  bool Known() const { return !Pieces.empty(); }
  /// Drops the text from \p Size on, as when a variable is assigned anew.
  void truncate(size_t Size, size_t PieceCount, size_t HoleCount);
};

/// First parameter number used for holes.
constexpr int FirstHoleParam = 1001;

/// The key a statement is registered under, as a string: a string literal,
/// an enumerator, or a constant initialised with one; empty if none.
std::string statementKey(const clang::Expr *E);

/// The SQL registered under a key anywhere in the translation unit.
using NamedStatements =
    std::function<std::shared_ptr<const RecoveredSql>(llvm::StringRef Key)>;

class SqlTextResolver {
public:
  SqlTextResolver(clang::ASTContext &Ctx, const ApiModel &Model,
                  NamedStatements Named = nullptr)
      : Ctx(Ctx), Model(Model), Named(std::move(Named)) {}

  /// The SQL of \p E, evaluated at \p E's position inside \p Body.
  RecoveredSql resolve(const clang::Expr *E, const clang::Stmt *Body);

  /// A fix-it inserting \p Insertion at \p Offset of \p Sql's text, if the
  /// text there comes from one editable literal, or from the end of a
  /// std::string concatenation.
  std::optional<clang::FixItHint>
  insertAt(const RecoveredSql &Sql, size_t Offset, llvm::StringRef Insertion);

  /// A fix-it replacing Sql text [Begin, End) by \p Replacement.
  std::optional<clang::FixItHint> replaceRange(const RecoveredSql &Sql,
                                               size_t Begin, size_t End,
                                               llvm::StringRef Replacement);

private:
  void append(const clang::Expr *E, const clang::Stmt *Body, RecoveredSql &Out,
              const clang::VarDecl *Via, unsigned Depth);
  void appendVariable(const clang::VarDecl *V, const clang::Expr *Use,
                      const clang::Stmt *Body, RecoveredSql &Out,
                      unsigned Depth);
  // SqlTextModifications.cpp
  /// `=`, `+=`, `append`, `<<` and `snprintf` on locals in \p Body, in
  /// source order.
  struct Modification {
    const clang::Expr *At;
    const clang::Expr *Value;
    bool Replaces;
    bool Streamed = false; ///< Written by a stream's `<<`.
  };
  const std::vector<Modification> &modifications(const clang::VarDecl *V,
                                                 const clang::Stmt *Body);
  void recordModification(const clang::Stmt *S,
                          llvm::SmallPtrSetImpl<const clang::Expr *> &Seen);
  void recordChain(const clang::Expr *Outer,
                   llvm::SmallPtrSetImpl<const clang::Expr *> &Seen);
  void appendModification(const Modification &M, const clang::Stmt *Body,
                          RecoveredSql &Out, const clang::VarDecl *Via,
                          unsigned Depth);

  // SqlTextConstants.cpp
  /// Text no literal spells: never edited.
  void appendConstantText(llvm::StringRef Text, RecoveredSql &Out);
  /// An integer or character constant; \p Written is \p E before implicit
  /// conversions are stripped, whose type says how the value is written.
  bool appendConstant(const clang::Expr *Written, const clang::Expr *E,
                      RecoveredSql &Out);
  /// `"..."_M` with a literal operator template.
  bool appendTemplateLiteral(const clang::UserDefinedLiteral *UDL,
                             RecoveredSql &Out);

  void appendLiteral(const clang::StringLiteral *SL, RecoveredSql &Out,
                     const clang::VarDecl *Via);
  /// `c_str()`, `data()`, and a conversion to another string type (a
  /// std::string passed as a std::string_view): the object's text.
  bool appendMemberCall(const clang::CXXMemberCallExpr *MC,
                        const clang::Stmt *Body, RecoveredSql &Out,
                        const clang::VarDecl *Via, unsigned Depth);
  void appendHole(const clang::Expr *E, RecoveredSql &Out);
  /// Records \p After as the place to write after the text so far.
  void setTail(SqlTail::Form How, const clang::Expr *After, RecoveredSql &Out);
  /// Where the running call's full expression is; text written after the
  /// tail must reach only it (SqlTextEdits.cpp).
  bool tailReachesOnlyTheCall(const RecoveredSql &Sql);
  std::optional<clang::FixItHint> insertAtTail(const RecoveredSql &Sql,
                                               llvm::StringRef Insertion);
  /// Appends \p From, renumbering its holes; its pieces stay editable only
  /// with \p Editable.
  void appendResolved(const RecoveredSql &From, RecoveredSql &Out,
                      bool Editable);
  /// The rules-declared `sql_text`, `format` or `lookup` rule of \p Call.
  const CallRule *textRule(const clang::CallExpr *Call);
  /// Whether \p Call is a text rule's call; if so its text is in \p Out.
  bool appendRuleCall(const clang::CallExpr *Call, const clang::Stmt *Body,
                      RecoveredSql &Out, const clang::VarDecl *Via,
                      unsigned Depth);
  void appendFormatted(const clang::CallExpr *Call, const CallRule &Rule,
                       const clang::Stmt *Body, RecoveredSql &Out,
                       const clang::VarDecl *Via, unsigned Depth);
  bool appendLambdaCall(const clang::CXXOperatorCallExpr *Op, RecoveredSql &Out,
                        const clang::VarDecl *Via, unsigned Depth);
  unsigned useCount(const clang::VarDecl *V);
  const SqlPiece *pieceAt(const RecoveredSql &Sql, size_t Offset, bool AtEnd);
  std::optional<clang::SourceLocation>
  locationIn(const RecoveredSql &Sql, const SqlPiece *Piece, size_t Offset);
  const clang::Stmt *runningCall(const RecoveredSql &Sql);
  bool onlyTheRunningCallUses(const RecoveredSql &Sql, const clang::VarDecl *V);

  clang::ASTContext &Ctx;
  const ApiModel &Model;
  NamedStatements Named;
  std::optional<llvm::DenseMap<const clang::VarDecl *, unsigned>> UseCounts;
  const clang::Stmt *ModifiedBody = nullptr;
  llvm::DenseMap<const clang::VarDecl *, std::vector<Modification>> Modified;
};

/// The text of a prepared statement's name when it is fully known: a
/// literal, a constant, or a std::string converted from either.
std::optional<std::string> statementName(const clang::Expr *E,
                                         SqlTextResolver &Resolver);

/// statementKey, or else the quoted name when the resolver knows its whole
/// text, so that `"name"`, a constant and a std::string built from either
/// give one key.
std::string statementKey(const clang::Expr *E, SqlTextResolver &Resolver);

} // namespace dbrace

#endif // DBRACE_CORE_SQLTEXT_H
