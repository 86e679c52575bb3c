//===--- Tokenizer.cpp - Facts from tokens when the parser gives up ------===//

#include "sql/Tokenizer.h"
#include "sql/PgTreeFacts.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <initializer_list>

namespace dbrace::sqlfacts::detail {

namespace {

class TokenFacts {
public:
  TokenFacts(llvm::StringRef Norm, llvm::ArrayRef<Token> All, StatementFacts &F)
      : Src(Norm), F(F) {
    int D = 0;
    for (const Token &T : All) {
      if (!T.significant())
        continue;
      if (isPunct(T, Src, ')') && D > 0)
        --D;
      Toks.push_back(T);
      Depth.push_back(D);
      if (isPunct(T, Src, '('))
        ++D;
    }
  }

  void run() {
    F.Certain = false;
    F.LockClauseAllowed = false; // Never rewrite text we do not understand.
    if (Toks.empty())
      return;
    size_t V = verbIndex();
    std::string Verb = upper(V);
    kind(Verb, V);
    if (F.Kind == StatementKind::LockTable)
      lockTable(V);
    else if (F.Kind != StatementKind::Other && F.Kind != StatementKind::Begin &&
             F.Kind != StatementKind::Commit &&
             F.Kind != StatementKind::Rollback &&
             F.Kind != StatementKind::Savepoint &&
             F.Kind != StatementKind::SetTransaction)
      tables(V);
    lockClause();
    isolation();
    if (F.Kind == StatementKind::Select || F.Kind == StatementKind::Update ||
        F.Kind == StatementKind::Delete)
      where();
    if (F.Kind == StatementKind::Update)
      sets();
  }

private:
  bool word(size_t I, llvm::StringRef W) const {
    return I < Toks.size() && isWord(Toks[I], Src, W);
  }
  bool punct(size_t I, char C) const {
    return I < Toks.size() && isPunct(Toks[I], Src, C);
  }
  std::string upper(size_t I) const {
    return I < Toks.size() && Toks[I].Kind == TokKind::Word
               ? Toks[I].text(Src).upper()
               : std::string();
  }
  bool anyWord(size_t I, std::initializer_list<llvm::StringRef> Ws) const {
    for (llvm::StringRef W : Ws)
      if (word(I, W))
        return true;
    return false;
  }

  /// The statement's verb: the first word, or after WITH the first verb at
  /// the outer level.
  size_t verbIndex() const {
    size_t First = 0;
    while (First < Toks.size() && punct(First, '('))
      ++First;
    if (!word(First, "WITH"))
      return First;
    for (size_t I = First + 1; I < Toks.size(); ++I)
      if (Depth[I] == Depth[First] &&
          anyWord(I, {"SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"}))
        return I;
    return First;
  }

  void kind(const std::string &Verb, size_t V) {
    using K = StatementKind;
    if (Verb == "SELECT" || Verb == "VALUES" || Verb == "TABLE") {
      F.Kind = K::Select;
      for (size_t I = V; I + 1 < Toks.size(); ++I) {
        std::string W = Toks[I].text(Src).lower();
        if (Toks[I].Kind == TokKind::Word && punct(I + 1, '(') &&
            (((llvm::StringRef(W).starts_with("pg_advisory_") ||
               llvm::StringRef(W).starts_with("pg_try_advisory_")) &&
              !llvm::StringRef(W).contains("unlock")) ||
             W == "get_lock")) {
          F.Kind = K::AdvisoryLock;
          F.AdvisoryFunction = W;
          F.Lock = llvm::StringRef(W).contains("shared")
                       ? LockStrength::ForShare
                       : LockStrength::ForUpdate;
          break;
        }
      }
      std::string Next = upper(V + 1);
      F.IsExistenceOrCount =
          Next == "EXISTS" || Next == "COUNT" || Next == "SUM" ||
          Next == "MIN" || Next == "MAX" || Next == "AVG" ||
          (V + 1 < Toks.size() && Toks[V + 1].Kind == TokKind::Number);
    } else if (Verb == "INSERT") {
      F.Kind = K::Insert;
      for (size_t I = V; I + 1 < Toks.size(); ++I)
        if (word(I, "ON") &&
            (word(I + 1, "CONFLICT") || word(I + 1, "DUPLICATE")))
          F.Kind = K::Upsert;
    } else if (Verb == "REPLACE" || Verb == "MERGE" || Verb == "UPSERT") {
      F.Kind = K::Upsert;
    } else if (Verb == "UPDATE") {
      F.Kind = K::Update;
    } else if (Verb == "DELETE" || Verb == "TRUNCATE") {
      F.Kind = K::Delete;
    } else if (Verb == "BEGIN" || Verb == "START") {
      F.Kind = K::Begin;
    } else if (Verb == "COMMIT" || Verb == "END") {
      F.Kind = K::Commit;
    } else if (Verb == "ROLLBACK" || Verb == "ABORT") {
      F.Kind = K::Rollback;
      for (size_t I = V + 1; I < Toks.size(); ++I)
        if (word(I, "TO"))
          F.Kind = K::Savepoint;
    } else if (Verb == "SAVEPOINT" || Verb == "RELEASE") {
      F.Kind = K::Savepoint;
    } else if (Verb == "SET") {
      for (size_t I = V + 1; I < Toks.size(); ++I)
        if (word(I, "TRANSACTION") || word(I, "transaction_isolation") ||
            word(I, "tx_isolation"))
          F.Kind = K::SetTransaction;
    } else if (Verb == "LOCK") {
      F.Kind = K::LockTable;
    }
  }

  /// A possibly qualified name at \p I: returns it, folded, and moves \p I
  /// past it; empty when there is none (a sub-query, a hole).
  std::string name(size_t &I) const {
    std::string N;
    while (I < Toks.size()) {
      const Token &T = Toks[I];
      if (T.Kind == TokKind::Word) {
        N += T.text(Src).lower();
      } else if (T.Kind == TokKind::QuotedIdent) {
        llvm::StringRef Q = T.text(Src).drop_front();
        if (Q.ends_with("\""))
          Q = Q.drop_back();
        N += Q.str();
      } else {
        if (T.Kind == TokKind::Param)
          ++I, N.clear(); // A hole: the name is unknown.
        return N.empty() || N.back() == '.' ? std::string() : N;
      }
      ++I;
      if (!punct(I, '.'))
        return N;
      N += '.';
      ++I;
    }
    return N.empty() || N.back() == '.' ? std::string() : N;
  }

  static bool isClauseWord(llvm::StringRef W) {
    static const char *const Words[] = {
        "WHERE",     "JOIN",    "INNER",  "LEFT",      "RIGHT",  "FULL",
        "CROSS",     "NATURAL", "ON",     "USING",     "GROUP",  "ORDER",
        "LIMIT",     "OFFSET",  "FOR",    "SET",       "VALUES", "SELECT",
        "RETURNING", "HAVING",  "WINDOW", "UNION",     "EXCEPT", "INTERSECT",
        "DEFAULT",   "LOCK",    "FETCH",  "WHEN",      "OUTPUT", "IN",
        "WRITE",     "READ",    "NOWAIT", "OVERRIDING"};
    std::string U = W.upper();
    for (const char *C : Words)
      if (U == C)
        return true;
    return false;
  }

  void add(std::vector<std::string> &Into, const std::string &N) {
    if (!N.empty() && std::find(Into.begin(), Into.end(), N) == Into.end())
      Into.push_back(N);
  }

  /// Skips an optional `[AS] alias` after a table name, recording it.
  void alias(size_t &I, const std::string &Table) {
    if (word(I, "AS"))
      ++I;
    if (I < Toks.size() && Toks[I].Kind == TokKind::Word &&
        !isClauseWord(Toks[I].text(Src))) {
      Aliases.push_back({Toks[I].text(Src).lower(), Table});
      ++I;
    }
  }

  void tables(size_t V) {
    bool WriteVerb = F.Kind == StatementKind::Update;
    for (size_t I = V; I < Toks.size(); ++I) {
      std::string W = upper(I);
      bool Written = false;
      if (W == "INTO" || (W == "UPDATE" && I == V) ||
          (W == "FROM" && upper(V) == "DELETE" && I == V + 1) ||
          (W == "TRUNCATE" && I == V) || (W == "REPLACE" && I == V)) {
        Written = W != "INTO" || F.Kind != StatementKind::Select;
      } else if (!(W == "FROM" || W == "JOIN" || W == "USING")) {
        continue;
      }
      if (W == "UPDATE" && I > 0 && word(I - 1, "DO"))
        continue;
      size_t J = I + 1;
      while (anyWord(J, {"ONLY", "LATERAL", "TABLE", "INTO", "IGNORE"}))
        ++J;
      // A list: FROM a x, b y.
      while (J < Toks.size()) {
        std::string N = name(J);
        if (N.empty() || isClauseWord(N))
          break;
        add(Written || (WriteVerb && W == "UPDATE") ? F.TablesWritten
                                                    : F.TablesRead,
            N);
        if (Written && Target.empty())
          Target = N;
        alias(J, N);
        if (!punct(J, ',') || W == "INTO" || Written)
          break;
        ++J;
      }
    }
  }

  void lockTable(size_t V) {
    size_t I = V + 1;
    if (word(I, "TABLE") || word(I, "TABLES"))
      ++I;
    // The strongest lock taken: MySQL's WRITE, PostgreSQL's default.
    bool Exclusive = true, Seen = false, AnyWrite = false;
    while (I < Toks.size()) {
      std::string N = name(I);
      if (N.empty())
        break;
      add(F.LockOf, N);
      alias(I, N);
      // MySQL: LOCK TABLES t READ, u WRITE.
      if (word(I, "READ") || word(I, "WRITE")) {
        Seen = true;
        AnyWrite |= word(I, "WRITE");
      }
      while (I < Toks.size() && !punct(I, ',') && !word(I, "IN"))
        ++I;
      if (!punct(I, ','))
        break;
      ++I;
    }
    // PostgreSQL: IN <mode> MODE; without it, ACCESS EXCLUSIVE.
    if (Seen)
      Exclusive = AnyWrite;
    else
      for (; I < Toks.size(); ++I)
        if (word(I, "SHARE") && !word(I + 1, "ROW") && !word(I + 1, "UPDATE") &&
            !word(I - 1, "ROW"))
          Exclusive = false;
    F.Lock = Exclusive ? LockStrength::ForUpdate : LockStrength::ForShare;
    for (size_t J = V; J < Toks.size(); ++J)
      F.NoWait |= word(J, "NOWAIT");
  }

  void lockClause() {
    if (F.Kind != StatementKind::Select)
      return;
    for (size_t I = 0; I < Toks.size(); ++I) {
      if (Depth[I] != 0 || !word(I, "FOR"))
        continue;
      LockStrength L = LockStrength::None;
      size_t J = I + 1;
      if (word(J, "UPDATE")) {
        L = LockStrength::ForUpdate;
        J += 1;
      } else if (word(J, "NO") && word(J + 1, "KEY") && word(J + 2, "UPDATE")) {
        L = LockStrength::ForNoKeyUpdate;
        J += 3;
      } else if (word(J, "SHARE")) {
        L = LockStrength::ForShare;
        J += 1;
      } else if (word(J, "KEY") && word(J + 1, "SHARE")) {
        L = LockStrength::ForKeyShare;
        J += 2;
      }
      if (L == LockStrength::None)
        continue;
      F.Lock = std::max(F.Lock, L);
      if (word(J, "OF")) {
        ++J;
        while (J < Toks.size()) {
          std::string N = name(J);
          if (N.empty() || isClauseWord(N))
            break;
          add(F.LockOf, N);
          if (!punct(J, ','))
            break;
          ++J;
        }
      }
      if (word(J, "NOWAIT"))
        F.NoWait = true;
      if (word(J, "SKIP") && word(J + 1, "LOCKED"))
        F.SkipLocked = true;
    }
  }

  void isolation() {
    for (size_t I = 0; I + 2 < Toks.size(); ++I) {
      if (!word(I, "ISOLATION") || !word(I + 1, "LEVEL"))
        continue;
      std::string A = upper(I + 2), B = upper(I + 3);
      if (A == "SERIALIZABLE")
        F.IsolationLevel = Isolation::Serializable;
      else if (A == "REPEATABLE")
        F.IsolationLevel = Isolation::RepeatableRead;
      else if (A == "READ" && B == "COMMITTED")
        F.IsolationLevel = Isolation::ReadCommitted;
      else if (A == "READ" && B == "UNCOMMITTED")
        F.IsolationLevel = Isolation::ReadUncommitted;
    }
  }

  std::string resolve(const std::string &Qualifier) const {
    if (Qualifier.empty()) {
      if (!Target.empty())
        return Target;
      if (F.TablesRead.size() == 1)
        return F.TablesRead.front();
      return "";
    }
    for (const auto &A : Aliases)
      if (A.first == Qualifier)
        return A.second;
    return Qualifier;
  }

  static bool endsConjunct(llvm::StringRef W) {
    std::string U = W.upper();
    return U == "AND" || U == "GROUP" || U == "ORDER" || U == "LIMIT" ||
           U == "FOR" || U == "RETURNING" || U == "OFFSET" || U == "HAVING";
  }

  /// Keys and guards of the outer WHERE: `[q.]col = value AND ...`.
  void where() {
    size_t W = 0;
    while (W < Toks.size() && !(Depth[W] == 0 && word(W, "WHERE")))
      ++W;
    bool Write = F.Kind != StatementKind::Select;
    for (size_t I = W + 1; I < Toks.size() && Depth[I] >= 0; ++I) {
      if (Depth[I] != 0)
        continue;
      if (!(word(I - 1, "WHERE") || word(I - 1, "AND")))
        continue;
      if (Depth[I] == 0 && endsConjunct(Toks[I].text(Src)) && !word(I, "AND"))
        break;
      size_t J = I;
      std::string Q, C;
      if (Toks[J].Kind != TokKind::Word && Toks[J].Kind != TokKind::QuotedIdent)
        continue;
      C = name(J);
      if (C.empty())
        continue;
      size_t Dot = C.rfind('.');
      if (Dot != std::string::npos) {
        Q = C.substr(0, Dot);
        C = C.substr(Dot + 1);
      }
      if (punct(J, '=') && !punct(J + 1, '=')) {
        size_t V = J + 1;
        bool Neg = punct(V, '-');
        if (Neg)
          ++V;
        if (V >= Toks.size())
          continue;
        const Token &T = Toks[V];
        bool Ends = V + 1 >= Toks.size() ||
                    endsConjunct(Toks[V + 1].text(Src)) || punct(V + 1, ';') ||
                    punct(V + 1, ')');
        if (!Ends)
          continue;
        KeyComparison K;
        K.Table = resolve(Q);
        K.Column = C;
        if (T.Kind == TokKind::Param)
          T.text(Src).drop_front().getAsInteger(10, K.Param);
        else if (T.Kind == TokKind::Number)
          K.Literal = (Neg ? "-" : "") + T.text(Src).str();
        else if (T.Kind == TokKind::String && !Neg)
          K.Literal = unquote(T.text(Src));
        else
          continue;
        F.Keys.push_back(K);
      } else if (Write && J < Toks.size() &&
                 (punct(J, '<') || punct(J, '>') || punct(J, '!') ||
                  anyWord(J, {"IS", "IN", "LIKE", "BETWEEN", "NOT"}))) {
        addGuard(C);
      }
    }
  }

  static std::string unquote(llvm::StringRef S) {
    if (S.starts_with("'"))
      S = S.drop_front();
    if (S.ends_with("'"))
      S = S.drop_back();
    std::string Out;
    for (size_t I = 0; I < S.size(); ++I) {
      Out += S[I];
      if (S[I] == '\'' && I + 1 < S.size() && S[I + 1] == '\'')
        ++I;
    }
    return Out;
  }

  void addGuard(const std::string &C) {
    if (std::find(F.GuardColumns.begin(), F.GuardColumns.end(), C) ==
        F.GuardColumns.end())
      F.GuardColumns.push_back(C);
  }

  /// SET a = a - 1, b = $2: relative when the value names the column.
  void sets() {
    size_t I = 0;
    while (I < Toks.size() && !(Depth[I] == 0 && word(I, "SET")))
      ++I;
    while (++I < Toks.size()) {
      std::string C = name(I);
      if (C.empty() || !punct(I, '='))
        return;
      size_t Dot = C.rfind('.');
      if (Dot != std::string::npos)
        C = C.substr(Dot + 1);
      SetClause S;
      S.Column = C;
      for (++I; I < Toks.size(); ++I) {
        if (Depth[I] == 0 &&
            (punct(I, ',') || anyWord(I, {"WHERE", "FROM", "RETURNING"})))
          break;
        if (Toks[I].Kind == TokKind::Word &&
            Toks[I].text(Src).equals_insensitive(C) && !punct(I + 1, '('))
          S.Relative = true;
      }
      F.Sets.push_back(S);
      if (!punct(I, ','))
        return;
    }
  }

  llvm::StringRef Src;
  StatementFacts &F;
  std::vector<Token> Toks; ///< Significant tokens only.
  std::vector<int> Depth;  ///< Parenthesis depth of each.
  std::string Target;
  std::vector<std::pair<std::string, std::string>> Aliases;
};

} // namespace

void factsFromTokens(llvm::StringRef Norm, llvm::ArrayRef<Token> Toks,
                     StatementFacts &F) {
  TokenFacts(Norm, Toks, F).run();
}

} // namespace dbrace::sqlfacts::detail
