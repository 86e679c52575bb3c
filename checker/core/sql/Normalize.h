//===--- Normalize.h - SQLite and MySQL text as PostgreSQL reads it -*- C++
//-*-===//
//
// libpg_query only speaks PostgreSQL, so SQLite and MySQL text is rewritten
// first: placeholders become `$n`, back-tick and bracket names become
// double-quoted, MySQL strings become standard strings, and the few
// statement forms PostgreSQL spells differently are respelled. Only what
// changes the facts is rewritten; the rest is left for the tokenizer.
// An offset map brings every position back to the caller's text.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SQL_NORMALIZE_H
#define DBRACE_CORE_SQL_NORMALIZE_H

#include "sql/SqlFacts.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace dbrace::sqlfacts {

/// A named placeholder (`:code`, `@code`, `$name`) as written, the number
/// `$N` the facts give it, and its offset in the text.
struct NamedPlaceholder {
  std::string Name;
  unsigned Number = 0;
  size_t Offset = 0;
};

/// The named placeholders of \p Text in \p D, numbered as analyzeSql numbers
/// them (KeyComparison::Param): for values bound by name.
std::vector<NamedPlaceholder> namedPlaceholders(llvm::StringRef Text,
                                                Dialect D);

} // namespace dbrace::sqlfacts

namespace dbrace::sqlfacts::detail {

/// Maps offsets in normalised text back to the original text.
class OffsetMap {
public:
  /// Text [OrigBegin, OrigEnd) became [NormBegin, NormBegin + NewLen).
  void add(size_t NormBegin, size_t OrigBegin, size_t OrigEnd, size_t NewLen);
  /// Exact at piece boundaries (token starts and ends); inside a rewritten
  /// piece, the start of what it replaced.
  size_t toOriginal(size_t Norm) const;

private:
  struct Piece {
    size_t Norm, Orig, OrigLen;
    bool Identity;
  };
  std::vector<Piece> Pieces;
};

struct Normalized {
  std::string Text;
  OffsetMap Map;
  std::vector<NamedPlaceholder> Named;
};

/// \p Text rewritten as PostgreSQL would write it. NUL bytes become spaces in
/// every dialect, since libpg_query reads C strings. PostgreSQL text is kept
/// as it is but for `:name` placeholders, and with \p ClientPlaceholders its
/// `?` placeholders (which client libraries rewrite) too, which become `$n`.
Normalized normalizeSql(llvm::StringRef Text, Dialect D,
                        bool ClientPlaceholders = false);

} // namespace dbrace::sqlfacts::detail

#endif // DBRACE_CORE_SQL_NORMALIZE_H
