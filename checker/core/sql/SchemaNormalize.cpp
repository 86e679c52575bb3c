//===--- SchemaNormalize.cpp - SQLite and MySQL DDL as PostgreSQL reads it ===//
//
// Only keys matter here, so what PostgreSQL's grammar refuses and says
// nothing about keys is blanked rather than translated: every offset, and
// so every line number, stays where it was.
//
//===----------------------------------------------------------------------===//

#include "sql/Schema.h"
#include "sql/SqlLexer.h"
#include "llvm/ADT/StringExtras.h"

namespace dbrace::sqlfacts::detail {

namespace {

class DdlBlanker {
public:
  DdlBlanker(llvm::StringRef Src, Dialect D) : Src(Src), Out(Src.str()) {
    for (const Token &T : lexSql(Src, D))
      if (T.significant())
        Sig.push_back(T);
  }

  std::string run() {
    bool Table = Sig.size() > 2 && is(0, "CREATE") &&
                 (is(1, "TABLE") || is(2, "TABLE") || is(3, "TABLE"));
    int Depth = 0;
    size_t ElementStart = 0; // Token after `(` or `,` at depth 1.
    for (size_t I = 0; I < Sig.size(); ++I) {
      if (punct(I, '(')) {
        if (++Depth == 1)
          ElementStart = I + 1;
        continue;
      }
      if (punct(I, ')')) {
        if (--Depth == 0 && Table) {
          blank(I + 1, Sig.size()); // ENGINE=..., WITHOUT ROWID, ...
          return Out;
        }
        continue;
      }
      if (Depth == 1 && punct(I, ','))
        ElementStart = I + 1;
      if (Table && Depth == 1 && I == ElementStart &&
          (is(I, "KEY") || is(I, "INDEX") || is(I, "FULLTEXT") ||
           is(I, "SPATIAL"))) {
        // A MySQL index that is no key: the whole element, with its comma.
        size_t End = elementEnd(I);
        blank(I > 0 && punct(I - 1, ',') ? I - 1 : I, End);
        I = End - 1;
        continue;
      }
      if (is(I, "UNIQUE") && (is(I + 1, "KEY") || is(I + 1, "INDEX"))) {
        // `UNIQUE KEY name (a, b)` is `UNIQUE (a, b)`.
        blank(I + 1, I + 2);
        if (I + 2 < Sig.size() && !punct(I + 2, '('))
          blank(I + 2, I + 3);
        continue;
      }
      blankAttribute(I);
    }
    return Out;
  }

private:
  bool is(size_t I, llvm::StringRef W) const {
    return I < Sig.size() && isWord(Sig[I], Src, W);
  }
  bool punct(size_t I, char C) const {
    return I < Sig.size() && isPunct(Sig[I], Src, C);
  }

  /// Blanks tokens [From, To).
  void blank(size_t From, size_t To) {
    if (From >= To || From >= Sig.size())
      return;
    size_t B = Sig[From].Begin, E = Sig[std::min(To, Sig.size()) - 1].End;
    for (size_t P = B; P < E; ++P)
      if (Out[P] != '\n')
        Out[P] = ' ';
  }

  /// The token after element \p I of a column list: its `,` or `)`.
  size_t elementEnd(size_t I) const {
    int Depth = 0;
    for (; I < Sig.size(); ++I) {
      if (punct(I, '('))
        ++Depth;
      else if (punct(I, ')') && Depth-- == 0)
        return I;
      else if (punct(I, ',') && Depth == 0)
        return I;
    }
    return Sig.size();
  }

  /// Column attributes PostgreSQL does not have, at token \p I.
  void blankAttribute(size_t I) {
    static const char *const Alone[] = {"AUTO_INCREMENT", "AUTOINCREMENT",
                                        "UNSIGNED", "ZEROFILL", "SIGNED"};
    for (const char *W : Alone)
      if (is(I, W)) {
        blank(I, punct(I + 1, '=') ? I + 3 : I + 1);
        return;
      }
    if (is(I, "COMMENT") && I + 1 < Sig.size() &&
        Sig[I + 1].Kind == TokKind::String)
      return blank(I, I + 2);
    if (is(I, "CHARACTER") && is(I + 1, "SET"))
      return blank(I, I + 3);
    if (is(I, "CHARSET") || is(I, "COLLATE"))
      return blank(I, I + 2);
    if (is(I, "ON") && is(I + 1, "UPDATE"))
      return blank(I, punct(I + 3, '(') ? I + 6 : I + 3);
    if (is(I, "ON") && is(I + 1, "CONFLICT")) // SQLite's constraint clause.
      return blank(I, I + 3);
    if (is(I, "USING") && (is(I + 1, "BTREE") || is(I + 1, "HASH")))
      return blank(I, I + 2);
    // `int(11)`: a display width, which PostgreSQL's integers do not take.
    static const char *const Ints[] = {"INT",      "INTEGER", "BIGINT",
                                       "SMALLINT", "TINYINT", "MEDIUMINT"};
    for (const char *W : Ints)
      if (is(I, W) && punct(I + 1, '(') && punct(I + 3, ')'))
        return blank(I + 1, I + 4);
    // MySQL's SET('a', 'b') type: PostgreSQL's SET is a keyword.
    if (is(I, "SET") && punct(I + 1, '(') && I > 0 &&
        Sig[I - 1].Kind != TokKind::Punct) {
      Out.replace(Sig[I].Begin, 3, "int");
      size_t Close = I + 2;
      for (int Depth = 1; Close < Sig.size(); ++Close)
        if (punct(Close, '('))
          ++Depth;
        else if (punct(Close, ')') && --Depth == 0)
          break;
      return blank(I + 1, Close + 1);
    }
  }

  llvm::StringRef Src;
  std::string Out;
  std::vector<Token> Sig;
};

} // namespace

std::string blankForeignDdl(llvm::StringRef Statement, Dialect D) {
  if (D == Dialect::PostgreSQL)
    return Statement.str();
  return DdlBlanker(Statement, D).run();
}

} // namespace dbrace::sqlfacts::detail
