//===--- SqlLexer.h - Tolerant lexer shared by every SQL pass --*- C++ -*-===//
//
// One lexer for the three dialects, used to normalise text, to split it into
// statements, to trim offsets and as the tokenizer fallback. It never fails:
// unterminated strings, comments and quoted names run to the end of the text,
// and any byte it does not know becomes a one-byte punctuation token.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SQL_SQLLEXER_H
#define DBRACE_CORE_SQL_SQLLEXER_H

#include "sql/SqlFacts.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace dbrace::sqlfacts::detail {

enum class TokKind {
  Space,
  Comment,
  Word,        ///< Bare identifier or keyword.
  QuotedIdent, ///< "x"; also `x` and [x] where the dialect has them.
  String,      ///< 'x', E'x', $tag$x$tag$; MySQL "x".
  Number,
  Param, ///< $1; and ?, ?3, :name, @name, $name where the dialect has them.
  Punct  ///< One byte.
};

struct Token {
  TokKind Kind;
  size_t Begin;
  size_t End;
  llvm::StringRef text(llvm::StringRef Src) const {
    return Src.slice(Begin, End);
  }
  bool significant() const {
    return Kind != TokKind::Space && Kind != TokKind::Comment;
  }
};

/// Tokens covering all of \p Text, in order and without gaps. With
/// \p ClientPlaceholders, PostgreSQL text also has the `?` and `?N`
/// placeholders that client libraries rewrite before sending it; its
/// `:name` ones are always placeholders.
std::vector<Token> lexSql(llvm::StringRef Text, Dialect D,
                          bool ClientPlaceholders = false);

/// Whether \p T is the bare word \p Keyword (case-insensitive).
bool isWord(const Token &T, llvm::StringRef Src, llvm::StringRef Keyword);

/// Whether \p T is the single punctuation byte \p C.
bool isPunct(const Token &T, llvm::StringRef Src, char C);

} // namespace dbrace::sqlfacts::detail

#endif // DBRACE_CORE_SQL_SQLLEXER_H
