//===--- Tokenizer.h - Facts from tokens when the parser gives up -*- C++
//-*-===//
//
// Text that does not parse (a hole where a name belongs, a dialect form the
// normaliser does not rewrite, a typo) still says what it does in its first
// words, in the names after FROM, JOIN, INTO and UPDATE, and in a trailing
// lock clause. These facts are marked uncertain.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SQL_TOKENIZER_H
#define DBRACE_CORE_SQL_TOKENIZER_H

#include "sql/SqlFacts.h"
#include "sql/SqlLexer.h"
#include "llvm/ADT/ArrayRef.h"

namespace dbrace::sqlfacts::detail {

/// Fills \p F from \p Toks, the tokens of one statement of normalised
/// (PostgreSQL-flavoured) text \p Norm. Sets Certain to false.
void factsFromTokens(llvm::StringRef Norm, llvm::ArrayRef<Token> Toks,
                     StatementFacts &F);

} // namespace dbrace::sqlfacts::detail

#endif // DBRACE_CORE_SQL_TOKENIZER_H
