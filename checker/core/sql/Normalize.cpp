//===--- Normalize.cpp - SQLite and MySQL text as PostgreSQL reads it ----===//

#include "sql/Normalize.h"
#include "sql/SqlLexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include <algorithm>
#include <initializer_list>

namespace dbrace::sqlfacts::detail {

void OffsetMap::add(size_t NormBegin, size_t OrigBegin, size_t OrigEnd,
                    size_t NewLen) {
  size_t OrigLen = OrigEnd - OrigBegin;
  bool Identity = NewLen == OrigLen;
  if (Identity && !Pieces.empty()) {
    Piece &Last = Pieces.back();
    // Merge runs of unchanged text so the map stays small.
    if (Last.Identity && Last.Norm + Last.OrigLen == NormBegin &&
        Last.Orig + Last.OrigLen == OrigBegin) {
      Last.OrigLen += OrigLen;
      return;
    }
  }
  Pieces.push_back({NormBegin, OrigBegin, OrigLen, Identity});
}

size_t OffsetMap::toOriginal(size_t Norm) const {
  auto It =
      std::upper_bound(Pieces.begin(), Pieces.end(), Norm,
                       [](size_t N, const Piece &P) { return N < P.Norm; });
  if (It == Pieces.begin())
    return 0;
  const Piece &P = *std::prev(It);
  if (P.Identity)
    return P.Orig + std::min(Norm - P.Norm, P.OrigLen);
  return Norm == P.Norm ? P.Orig : P.Orig + P.OrigLen;
}

namespace {

class Normalizer {
public:
  Normalizer(llvm::StringRef Src, Dialect D, bool ClientPlaceholders)
      : Src(Src), D(D), Toks(lexSql(Src, D, ClientPlaceholders)),
        Drop(Toks.size(), 0) {}

  Normalized run() {
    for (size_t I = 0; I < Toks.size(); ++I)
      I = token(I);
    N.Map.add(N.Text.size(), Src.size(), Src.size(), 0);
    return std::move(N);
  }

private:
  /// Handles token \p I; returns the index of the last token consumed.
  size_t token(size_t I) {
    const Token &T = Toks[I];
    llvm::StringRef S = T.text(Src);
    if (!T.significant()) {
      if (T.Kind == TokKind::Comment && S.starts_with("#"))
        emit(T.Begin, T.End, ("--" + S.drop_front()).str());
      else
        copy(T);
      return I;
    }
    if (Drop[I]) {
      emit(T.Begin, T.End, "");
      return I;
    }
    if (D == Dialect::PostgreSQL) { // Only the client's placeholders differ.
      if (T.Kind == TokKind::Param)
        param(T, S);
      else
        copy(T);
      if (isPunct(T, Src, ';'))
        resetStatement();
      return I;
    }
    bool AtStart = !SeenSignificant;
    SeenSignificant = true;
    if (T.Kind == TokKind::Punct)
      return punct(I);
    if (Blanking) {
      emit(T.Begin, T.End, std::string(S.size(), ' '));
      return I;
    }
    switch (T.Kind) {
    case TokKind::Param:
      param(T, S);
      return I;
    case TokKind::QuotedIdent:
      quotedIdent(T, S);
      return I;
    case TokKind::String:
      if (D == Dialect::MySQL)
        mysqlString(T, S);
      else
        copy(T);
      return I;
    case TokKind::Number:
      number(T, S);
      return I;
    case TokKind::Word:
      return word(I, AtStart);
    default:
      copy(T);
      return I;
    }
  }

  size_t punct(size_t I) {
    const Token &T = Toks[I];
    char C = Src[T.Begin];
    if (C == '(')
      ++Depth;
    else if (C == ')' && Depth > 0)
      --Depth;
    else if (C == ';' && Depth == 0) {
      copy(T);
      resetStatement();
      return I;
    }
    if (Blanking) {
      emit(T.Begin, T.End, " ");
      return I;
    }
    if (I == LimitComma) {
      emit(T.Begin, T.End, " OFFSET ");
      return I;
    }
    // MySQL's `a--1` is `a - -1` (a comment needs a blank after `--`), but
    // in PostgreSQL `--` always starts one: keep the two minus signs apart.
    if (C == '-' && D == Dialect::MySQL && T.End < Src.size() &&
        Src[T.End] == '-') {
      emit(T.Begin, T.End, "- ");
      return I;
    }
    // SQLite spells equality `==` too; PostgreSQL has no such operator.
    if (C == '=' && D == Dialect::SQLite && I + 1 < Toks.size() &&
        isPunct(Toks[I + 1], Src, '=')) {
      emit(T.Begin, Toks[I + 1].End, "=");
      return I + 1;
    }
    copy(T);
    return I;
  }

  void param(const Token &T, llvm::StringRef S) {
    unsigned Num = 0;
    if (S.size() > 1 && (S[0] == '?' || S[0] == '$') && llvm::isDigit(S[1])) {
      if (S.drop_front().getAsInteger(10, Num) || Num > 1000000) {
        copy(T); // Absurd numbers stay as written and fail to parse.
        return;
      }
      // Holes ($1001, ...) do not move the numbering of `?`.
      if (Num < 1000)
        MaxParam = std::max(MaxParam, Num);
      emit(T.Begin, T.End, "$" + std::to_string(Num));
      return;
    }
    if (S == "?") {
      emit(T.Begin, T.End, "$" + std::to_string(++MaxParam));
      return;
    }
    // Named: the same name is the same parameter.
    auto [It, New] = Named.try_emplace(S, 0);
    if (New)
      It->second = ++MaxParam;
    N.Named.push_back({S.str(), It->second, T.Begin});
    emit(T.Begin, T.End, "$" + std::to_string(It->second));
  }

  void quotedIdent(const Token &T, llvm::StringRef S) {
    char Open = S[0];
    char Close = Open == '[' ? ']' : Open;
    bool Terminated = Open == '[' ? S.size() >= 2 && S.back() == ']'
                                  : isTerminated(S, Close, /*Backslash=*/false);
    llvm::StringRef Body = S.drop_front();
    if (Terminated)
      Body = Body.drop_back();
    std::string Name;
    for (size_t I = 0; I < Body.size(); ++I) {
      if (Body[I] == Close && Close != ']' && I + 1 < Body.size() &&
          Body[I + 1] == Close)
        ++I;
      Name += Body[I];
    }
    // SQLite and MySQL compare names without regard to case, quoted or not.
    Name = llvm::StringRef(Name).lower();
    std::string Out = "\"";
    for (char C : Name) {
      if (C == '"')
        Out += '"';
      Out += C;
    }
    if (Terminated)
      Out += '"';
    emit(T.Begin, T.End, Out);
  }

  void mysqlString(const Token &T, llvm::StringRef S) {
    char Q = S[0];
    bool Terminated = isTerminated(S, Q, /*Backslash=*/true);
    llvm::StringRef Body = S.drop_front();
    if (Terminated)
      Body = Body.drop_back();
    std::string Value;
    for (size_t I = 0; I < Body.size(); ++I) {
      char C = Body[I];
      if (C == '\\' && I + 1 < Body.size()) {
        char E = Body[++I];
        switch (E) {
        case '0':
          Value += ' ';
          break;
        case 'n':
          Value += '\n';
          break;
        case 't':
          Value += '\t';
          break;
        case 'r':
          Value += '\r';
          break;
        case 'b':
          Value += '\b';
          break;
        case 'Z':
          Value += '\x1a';
          break;
        case '%':
        case '_':
          Value += '\\';
          Value += E;
          break;
        default:
          Value += E;
        }
        continue;
      }
      if (C == Q && I + 1 < Body.size() && Body[I + 1] == Q)
        ++I;
      Value += C;
    }
    std::string Out = "'";
    for (char C : Value) {
      if (C == '\'')
        Out += '\'';
      Out += C;
    }
    if (Terminated)
      Out += '\'';
    emit(T.Begin, T.End, Out);
  }

  /// Whether the lexer found the closing quote of quoted token \p S.
  static bool isTerminated(llvm::StringRef S, char Q, bool Backslash) {
    for (size_t I = 1; I < S.size(); ++I) {
      if (Backslash && S[I] == '\\') {
        ++I;
      } else if (S[I] == Q) {
        if (I + 1 < S.size() && S[I + 1] == Q)
          ++I;
        else
          return I + 1 == S.size();
      }
    }
    return false;
  }

  void number(const Token &T, llvm::StringRef S) {
    // PostgreSQL 15 has no 0x literals.
    if (S.size() > 2 && S[0] == '0' && (S[1] == 'x' || S[1] == 'X')) {
      uint64_t V = 0;
      if (S.drop_front(2).getAsInteger(16, V))
        V = 0;
      emit(T.Begin, T.End, std::to_string(V));
      return;
    }
    copy(T);
  }

  size_t word(size_t I, bool AtStart) {
    const Token &T = Toks[I];
    size_t J = nextSig(I);
    if (AtStart) {
      Verb = T.text(Src).upper();
      if (Verb == "BEGIN") {
        // SQLite's mode is read back from the original text.
        if (wordIn(J, {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"}))
          Drop[J] = 1;
      } else if (Verb == "REPLACE") {
        emit(T.Begin, T.End, isWordAt(J, "INTO") ? "INSERT" : "INSERT INTO");
        Verb = "INSERT";
        return I;
      } else if (Verb == "INSERT" || Verb == "UPDATE" || Verb == "DELETE") {
        dropModifiers(J);
      } else if (Verb == "SET") {
        if (isWordAt(J, "GLOBAL") && isWordAt(nextSig(J), "TRANSACTION"))
          Drop[J] = 1;
      }
      copy(T);
      return I;
    }
    if (size_t E = sequence(I, {"WITH", "CONSISTENT", "SNAPSHOT"});
        E && Verb == "START") {
      emit(T.Begin, Toks[E].End, "");
      return E;
    }
    if (size_t E = sequence(I, {"LOCK", "IN", "SHARE", "MODE"})) {
      emit(T.Begin, Toks[E].End, "FOR SHARE");
      return E;
    }
    if (size_t E = sequence(I, {"ON", "DUPLICATE", "KEY", "UPDATE"})) {
      emit(T.Begin, Toks[E].End, "ON CONFLICT DO UPDATE SET");
      InDupTail = true;
      return E;
    }
    // MySQL's VALUES(col) in ON DUPLICATE KEY UPDATE; a function call to
    // PostgreSQL once quoted.
    if (InDupTail && isWord(T, Src, "VALUES") && J < Toks.size() &&
        isPunct(Toks[J], Src, '(')) {
      emit(T.Begin, T.End, "\"values\"");
      return I;
    }
    // MySQL and SQLite allow ORDER BY/LIMIT on UPDATE and DELETE; they do not
    // change which rows a key selects, so they are blanked out.
    if ((Verb == "UPDATE" || Verb == "DELETE") && Depth == 0 &&
        (isWord(T, Src, "LIMIT") ||
         (isWord(T, Src, "ORDER") && isWordAt(J, "BY")))) {
      Blanking = true;
      emit(T.Begin, T.End, std::string(T.End - T.Begin, ' '));
      return I;
    }
    // MySQL `LIMIT offset, count`: PostgreSQL rejects the comma form.
    if (D == Dialect::MySQL && isWord(T, Src, "LIMIT") && J < Toks.size() &&
        (Toks[J].Kind == TokKind::Number || Toks[J].Kind == TokKind::Param)) {
      size_t K = nextSig(J);
      if (K < Toks.size() && isPunct(Toks[K], Src, ','))
        LimitComma = K;
    }
    copy(T);
    return I;
  }

  void dropModifiers(size_t J) {
    while (J < Toks.size()) {
      size_t K = nextSig(J);
      if (isWordAt(J, "OR") &&
          wordIn(K, {"IGNORE", "REPLACE", "ABORT", "FAIL", "ROLLBACK"})) {
        Drop[J] = Drop[K] = 1;
        J = nextSig(K);
      } else if (wordIn(J, {"IGNORE", "LOW_PRIORITY", "DELAYED",
                            "HIGH_PRIORITY", "QUICK"})) {
        Drop[J] = 1;
        J = K;
      } else {
        return;
      }
    }
  }

  /// If the significant tokens from \p I spell \p Words, the index of the
  /// last one; otherwise 0.
  size_t sequence(size_t I, std::initializer_list<llvm::StringRef> Words) {
    size_t J = I;
    bool First = true;
    for (llvm::StringRef W : Words) {
      if (!First)
        J = nextSig(J);
      First = false;
      if (!isWordAt(J, W))
        return 0;
    }
    return J;
  }

  size_t nextSig(size_t I) const {
    size_t J = I + 1;
    while (J < Toks.size() && !Toks[J].significant())
      ++J;
    return J;
  }

  bool isWordAt(size_t J, llvm::StringRef W) const {
    return J < Toks.size() && isWord(Toks[J], Src, W);
  }

  bool wordIn(size_t J, std::initializer_list<llvm::StringRef> Words) const {
    for (llvm::StringRef W : Words)
      if (isWordAt(J, W))
        return true;
    return false;
  }

  void resetStatement() {
    Verb.clear();
    Depth = 0;
    Blanking = InDupTail = SeenSignificant = false;
    MaxParam = 0;
    Named.clear();
  }

  void copy(const Token &T) { emit(T.Begin, T.End, T.text(Src)); }

  void emit(size_t OrigBegin, size_t OrigEnd, llvm::StringRef New) {
    N.Map.add(N.Text.size(), OrigBegin, OrigEnd, New.size());
    N.Text += New;
  }

  llvm::StringRef Src;
  Dialect D;
  std::vector<Token> Toks;
  std::vector<char> Drop; ///< Tokens a look-ahead decided to remove.
  Normalized N;

  // State of the current statement.
  std::string Verb;
  unsigned Depth = 0;
  bool SeenSignificant = false;
  bool Blanking = false;
  bool InDupTail = false;
  size_t LimitComma = static_cast<size_t>(-1);
  unsigned MaxParam = 0;
  llvm::StringMap<unsigned> Named;
};

} // namespace

/// PostgreSQL text is parsed as written, except for named placeholders
/// (`:id`), which become `$N` after the highest number already used; the same
/// name is the same parameter.
Normalized numberNamedParams(llvm::StringRef Text) {
  Normalized N;
  std::vector<Token> Toks = lexSql(Text, Dialect::PostgreSQL);
  unsigned Max = 0;
  for (const Token &T : Toks) {
    llvm::StringRef S = T.text(Text);
    unsigned Num = 0;
    if (T.Kind == TokKind::Param && S.starts_with("$") &&
        !S.drop_front().getAsInteger(10, Num) && Num < 1000)
      Max = std::max(Max, Num);
  }
  llvm::StringMap<unsigned> Named;
  size_t Copied = 0;
  for (const Token &T : Toks) {
    llvm::StringRef S = T.text(Text);
    if (T.Kind != TokKind::Param || !S.starts_with(":"))
      continue;
    N.Map.add(N.Text.size(), Copied, T.Begin, T.Begin - Copied);
    N.Text += Text.slice(Copied, T.Begin);
    auto [It, New] = Named.try_emplace(S, Max + 1);
    if (New)
      ++Max;
    N.Named.push_back({S.str(), It->second, T.Begin});
    std::string Param = "$" + std::to_string(It->second);
    N.Map.add(N.Text.size(), T.Begin, T.End, Param.size());
    N.Text += Param;
    Copied = T.End;
  }
  N.Map.add(N.Text.size(), Copied, Text.size(), Text.size() - Copied);
  N.Text += Text.drop_front(Copied);
  N.Map.add(N.Text.size(), Text.size(), Text.size(), 0);
  return N;
}

Normalized normalizeSql(llvm::StringRef Text, Dialect D,
                        bool ClientPlaceholders) {
  Normalized N;
  if (D == Dialect::PostgreSQL && !ClientPlaceholders) {
    N = numberNamedParams(Text);
  } else {
    N = Normalizer(Text, D, ClientPlaceholders).run();
  }
  std::replace(N.Text.begin(), N.Text.end(), '\0', ' ');
  return N;
}

} // namespace dbrace::sqlfacts::detail

std::vector<dbrace::sqlfacts::NamedPlaceholder>
dbrace::sqlfacts::namedPlaceholders(llvm::StringRef Text, Dialect D) {
  return detail::normalizeSql(Text, D).Named;
}
