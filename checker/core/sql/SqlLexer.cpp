//===--- SqlLexer.cpp - Tolerant lexer shared by every SQL pass ----------===//

#include "sql/SqlLexer.h"
#include "llvm/ADT/StringExtras.h"
#include <optional>

namespace dbrace::sqlfacts::detail {

namespace {

bool isIdentStart(unsigned char C) {
  return llvm::isAlpha(C) || C == '_' || C >= 0x80;
}

bool isIdentChar(unsigned char C) {
  // `$` continues identifiers in PostgreSQL and MySQL; harmless in SQLite.
  return llvm::isAlnum(C) || C == '_' || C >= 0x80 || C == '$';
}

bool isSpace(unsigned char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' ||
         C == '\v';
}

class Lexer {
public:
  Lexer(llvm::StringRef Text, Dialect D, bool ClientPlaceholders)
      : S(Text), D(D), ClientPlaceholders(ClientPlaceholders) {}

  std::vector<Token> run() {
    std::vector<Token> Out;
    while (I < S.size()) {
      size_t Start = I;
      TokKind K = next();
      if (I <= Start) // Never loop without progress, whatever the input.
        I = Start + 1;
      Out.push_back({K, Start, I});
    }
    return Out;
  }

private:
  unsigned char at(size_t P) const {
    return P < S.size() ? static_cast<unsigned char>(S[P]) : 0;
  }

  TokKind next() {
    unsigned char C = at(I);
    if (isSpace(C)) {
      while (I < S.size() && isSpace(at(I)))
        ++I;
      return TokKind::Space;
    }
    if (comment(C))
      return TokKind::Comment;
    if (std::optional<TokKind> K = quotedToken(C))
      return *K;
    if (C == '$')
      return dollar();
    if (placeholder(C))
      return TokKind::Param;
    if (llvm::isDigit(C) || (C == '.' && llvm::isDigit(at(I + 1)))) {
      number();
      return TokKind::Number;
    }
    if (isIdentStart(C))
      return word(C);
    ++I;
    return TokKind::Punct;
  }

  /// Skips a comment starting at I, if there is one there.
  bool comment(unsigned char C) {
    if (C == '-' && at(I + 1) == '-' &&
        (D != Dialect::MySQL || I + 2 >= S.size() || at(I + 2) <= ' ')) {
      skipLine();
      return true;
    }
    if (C == '#' && D == Dialect::MySQL) {
      skipLine();
      return true;
    }
    if (C == '/' && at(I + 1) == '*') {
      blockComment();
      return true;
    }
    return false;
  }

  /// A string or quoted name starting at I, by the dialect's quotes.
  std::optional<TokKind> quotedToken(unsigned char C) {
    if (C == '\'') {
      quoted('\'', D == Dialect::MySQL);
      return TokKind::String;
    }
    if (C == '"') {
      if (D == Dialect::MySQL) {
        quoted('"', /*Backslash=*/true);
        return TokKind::String;
      }
      quoted('"', false);
      return TokKind::QuotedIdent;
    }
    if (C == '`' && D != Dialect::PostgreSQL) {
      quoted('`', false);
      return TokKind::QuotedIdent;
    }
    if (C == '[' && D == Dialect::SQLite) {
      size_t Close = S.find(']', I + 1);
      I = Close == llvm::StringRef::npos ? S.size() : Close + 1;
      return TokKind::QuotedIdent;
    }
    return std::nullopt;
  }

  /// Skips a `?`, `?N`, `:name` or `@name` placeholder starting at I, if
  /// the dialect has one there (`$` ones are dollar()'s).
  bool placeholder(unsigned char C) {
    if (C == '?' && (D != Dialect::PostgreSQL || ClientPlaceholders)) {
      ++I;
      while (llvm::isDigit(at(I)))
        ++I;
      return true;
    }
    // Named placeholders: `:name` also in PostgreSQL-flavoured text, where
    // client libraries rewrite them, but not as an array slice's
    // bound (`a[lo:hi]`), which follows a name or a bracket.
    bool NamedPgParam = C == ':' && D == Dialect::PostgreSQL &&
                        (I == 0 || !(isIdentChar(S[I - 1]) || S[I - 1] == ']' ||
                                     S[I - 1] == ')'));
    if ((C != ':' && C != '@') || (D == Dialect::PostgreSQL && !NamedPgParam))
      return false;
    // `::` is a cast in PostgreSQL-flavoured text; never a parameter.
    bool AfterColon = I > 0 && S[I - 1] == ':';
    size_t P = I + 1;
    if (C == '@' && at(P) == '@')
      ++P;
    if (AfterColon || !isIdentStart(at(P)))
      return false;
    I = P;
    while (isIdentChar(at(I)) ||
           (C == '@' && at(I) == '.' && isIdentStart(at(I + 1))))
      ++I;
    return true;
  }

  /// A keyword or name starting at I; or PostgreSQL's E'...' escape
  /// string, where backslashes escape quotes.
  TokKind word(unsigned char C) {
    if (D == Dialect::PostgreSQL && (C == 'E' || C == 'e') &&
        at(I + 1) == '\'') {
      ++I;
      quoted('\'', true);
      return TokKind::String;
    }
    while (I < S.size() && isIdentChar(at(I)))
      ++I;
    return TokKind::Word;
  }

  void skipLine() {
    size_t NL = S.find('\n', I);
    I = NL == llvm::StringRef::npos ? S.size() : NL;
  }

  void blockComment() {
    // PostgreSQL nests block comments; the others end at the first `*/`.
    bool Nest = D == Dialect::PostgreSQL;
    int Depth = 0;
    while (I < S.size()) {
      if (at(I) == '/' && at(I + 1) == '*') {
        if (Depth == 0 || Nest)
          ++Depth;
        I += 2;
      } else if (at(I) == '*' && at(I + 1) == '/') {
        I += 2;
        if (--Depth == 0)
          return;
      } else {
        ++I;
      }
    }
  }

  /// A quoted run starting at I (on the quote); doubled quotes escape, and
  /// with \p Backslash so does a backslash.
  void quoted(char Q, bool Backslash) {
    ++I;
    while (I < S.size()) {
      char C = S[I];
      if (Backslash && C == '\\') {
        I += 2;
        continue;
      }
      if (C == Q) {
        if (at(I + 1) == static_cast<unsigned char>(Q)) {
          I += 2;
          continue;
        }
        ++I;
        return;
      }
      ++I;
    }
    I = S.size();
  }

  TokKind dollar() {
    if (llvm::isDigit(at(I + 1))) {
      ++I;
      while (llvm::isDigit(at(I)))
        ++I;
      return TokKind::Param;
    }
    if (D != Dialect::PostgreSQL) {
      if (isIdentStart(at(I + 1))) {
        ++I;
        while (llvm::isAlnum(at(I)) || at(I) == '_' || at(I) >= 0x80)
          ++I;
        return TokKind::Param;
      }
      ++I;
      return TokKind::Punct;
    }
    // Dollar quoting: $$...$$ or $tag$...$tag$.
    size_t P = I + 1;
    if (isIdentStart(at(P)))
      while (llvm::isAlnum(at(P)) || at(P) == '_' || at(P) >= 0x80)
        ++P;
    if (at(P) != '$') {
      ++I;
      return TokKind::Punct;
    }
    llvm::StringRef Tag = S.slice(I, P + 1);
    size_t Close = S.find(Tag, P + 1);
    I = Close == llvm::StringRef::npos ? S.size() : Close + Tag.size();
    return TokKind::String;
  }

  void number() {
    if (at(I) == '0' && (at(I + 1) == 'x' || at(I + 1) == 'X') &&
        llvm::isHexDigit(at(I + 2))) {
      I += 2;
      while (llvm::isHexDigit(at(I)))
        ++I;
      return;
    }
    while (llvm::isDigit(at(I)))
      ++I;
    if (at(I) == '.' && at(I + 1) != '.') {
      ++I;
      while (llvm::isDigit(at(I)))
        ++I;
    }
    if ((at(I) == 'e' || at(I) == 'E') &&
        (llvm::isDigit(at(I + 1)) || ((at(I + 1) == '+' || at(I + 1) == '-') &&
                                      llvm::isDigit(at(I + 2))))) {
      I += 2;
      while (llvm::isDigit(at(I)))
        ++I;
    }
  }

  llvm::StringRef S;
  Dialect D;
  bool ClientPlaceholders;
  size_t I = 0;
};

} // namespace

std::vector<Token> lexSql(llvm::StringRef Text, Dialect D,
                          bool ClientPlaceholders) {
  return Lexer(Text, D, ClientPlaceholders).run();
}

bool isWord(const Token &T, llvm::StringRef Src, llvm::StringRef Keyword) {
  return T.Kind == TokKind::Word && T.text(Src).equals_insensitive(Keyword);
}

bool isPunct(const Token &T, llvm::StringRef Src, char C) {
  return T.Kind == TokKind::Punct && T.End == T.Begin + 1 && Src[T.Begin] == C;
}

} // namespace dbrace::sqlfacts::detail
