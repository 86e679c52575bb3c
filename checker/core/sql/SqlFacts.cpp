//===--- SqlFacts.cpp - Facts of SQL text: pipeline, cache, names --------===//
//
// normalise -> split into statements -> parse each with libpg_query (or, if
// it does not parse, read it with the tokenizer) -> read back what the
// normaliser took out of the original text (SQLite BEGIN modes, INSERT OR
// IGNORE) -> map offsets back to the original text.
//
//===----------------------------------------------------------------------===//

#include "sql/SqlFacts.h"
#include "sql/Normalize.h"
#include "sql/PgTreeFacts.h"
#include "sql/SqlLexer.h"
#include "sql/Tokenizer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <pg_query.h>

namespace dbrace::sqlfacts {

using namespace detail;

namespace {

/// Significant tokens [First, Last] of one statement, `;` excluded.
struct StmtRange {
  size_t First, Last;
};

/// Splits at `;` outside parentheses. CREATE statements may hold
/// BEGIN ... END blocks (SQLite triggers, PostgreSQL BEGIN ATOMIC) whose
/// inner `;` do not end the statement.
std::vector<StmtRange> splitStatements(llvm::StringRef Src,
                                       const std::vector<Token> &Toks) {
  std::vector<StmtRange> Out;
  size_t First = SIZE_MAX, Last = 0;
  int Depth = 0, Block = 0;
  bool Create = false;
  auto Close = [&] {
    if (First != SIZE_MAX)
      Out.push_back({First, Last});
    First = SIZE_MAX;
    Depth = Block = 0;
    Create = false;
  };
  for (size_t I = 0; I < Toks.size(); ++I) {
    const Token &T = Toks[I];
    if (!T.significant())
      continue;
    if (isPunct(T, Src, ';') && Depth == 0 && Block == 0) {
      Close();
      continue;
    }
    if (First == SIZE_MAX) {
      First = I;
      Create = isWord(T, Src, "CREATE");
    }
    Last = I;
    if (isPunct(T, Src, '('))
      ++Depth;
    else if (isPunct(T, Src, ')') && Depth > 0)
      --Depth;
    else if (Create && (isWord(T, Src, "BEGIN") || isWord(T, Src, "CASE")))
      ++Block;
    else if (Create && isWord(T, Src, "END") && Block > 0)
      --Block;
  }
  Close();
  return Out;
}

/// Parses one statement's text; false with \p Err when it does not parse.
bool parseWithPg(llvm::StringRef Norm, size_t Begin, size_t End,
                 std::vector<StatementFacts> &Out, std::string &Err) {
  std::string Piece = Norm.slice(Begin, End).str();
  PgQueryParseResult R = pg_query_parse(Piece.c_str());
  if (R.error) {
    Err = R.error->message ? R.error->message : "parse error";
    if (R.error->cursorpos > 0)
      Err += " at offset " + std::to_string(Begin + R.error->cursorpos - 1);
    pg_query_free_parse_result(R);
    return false;
  }
  llvm::Expected<llvm::json::Value> Tree =
      llvm::json::parse(R.parse_tree ? R.parse_tree : "{}");
  pg_query_free_parse_result(R);
  if (!Tree) {
    Err = llvm::toString(Tree.takeError());
    return false;
  }
  const llvm::json::Object *Root = Tree->getAsObject();
  const llvm::json::Array *Stmts = Root ? Root->getArray("stmts") : nullptr;
  if (!Stmts)
    return true; // Only comments.
  for (const llvm::json::Value &S : *Stmts) {
    const llvm::json::Object *Raw = S.getAsObject();
    const llvm::json::Value *Stmt = Raw ? Raw->get("stmt") : nullptr;
    if (!Stmt)
      continue;
    StatementFacts F;
    factsFromPgTree(*Stmt, Norm, Begin, F);
    Out.push_back(std::move(F));
  }
  return true;
}

/// What normalisation removed, read back from the original tokens of one
/// statement: SQLite's BEGIN mode, and the insert forms that are upserts.
void originalWords(llvm::StringRef Src, llvm::ArrayRef<Token> Toks,
                   StatementFacts &F) {
  std::vector<const Token *> Sig;
  for (const Token &T : Toks)
    if (T.significant() && Sig.size() < 3)
      Sig.push_back(&T);
  auto Is = [&](size_t I, llvm::StringRef W) {
    return I < Sig.size() && isWord(*Sig[I], Src, W);
  };
  if (F.Kind == StatementKind::Begin && Is(0, "BEGIN")) {
    if (Is(1, "DEFERRED"))
      F.Mode = BeginMode::Deferred;
    else if (Is(1, "IMMEDIATE"))
      F.Mode = BeginMode::Immediate;
    else if (Is(1, "EXCLUSIVE"))
      F.Mode = BeginMode::Exclusive;
  }
  for (size_t I = 0, Next; I < Toks.size(); ++I) {
    for (Next = I + 1; Next < Toks.size() && !Toks[Next].significant(); ++Next)
      ;
    std::string W = Toks[I].text(Src).lower();
    if (Next < Toks.size() && isPunct(Toks[Next], Src, '(') &&
        (llvm::StringRef(W).starts_with("pg_advisory_unlock") ||
         W == "release_lock" || W == "release_all_locks"))
      F.ReleasesAdvisoryLocks = true;
  }
  if (F.Kind == StatementKind::Insert &&
      (Is(0, "REPLACE") ||
       (Is(0, "INSERT") &&
        (Is(1, "IGNORE") ||
         (Is(1, "OR") && (Is(2, "IGNORE") || Is(2, "REPLACE")))))))
    F.Kind = StatementKind::Upsert;
}

} // namespace

namespace {

SqlFacts analyzeNormalized(llvm::StringRef Text, Dialect D,
                           bool ClientPlaceholders) {
  SqlFacts Result;
  Normalized N = normalizeSql(Text, D, ClientPlaceholders);
  llvm::StringRef Norm = N.Text;
  std::vector<Token> Toks = lexSql(Norm, Dialect::PostgreSQL);
  std::vector<Token> OrigToks = lexSql(Text, D);
  std::vector<StmtRange> Ranges = splitStatements(Norm, Toks);

  for (size_t R = 0; R < Ranges.size(); ++R) {
    size_t NB = Toks[Ranges[R].First].Begin, NE = Toks[Ranges[R].Last].End;
    std::vector<StatementFacts> Facts;
    std::string Err;
    if (!parseWithPg(Norm, NB, NE, Facts, Err)) {
      Facts.clear();
      Facts.emplace_back();
      factsFromTokens(
          Norm,
          llvm::ArrayRef<Token>(Toks).slice(
              Ranges[R].First, Ranges[R].Last - Ranges[R].First + 1),
          Facts.back());
      if (Result.ParseError.empty())
        Result.ParseError = Err;
    }

    // Offsets in the caller's text. The end is stretched over original
    // tokens the normaliser blanked (MySQL's UPDATE ... LIMIT n).
    size_t OB = N.Map.toOriginal(NB), OE = N.Map.toOriginal(NE);
    size_t NextBegin = R + 1 < Ranges.size()
                           ? N.Map.toOriginal(Toks[Ranges[R + 1].First].Begin)
                           : Text.size();
    auto It = std::lower_bound(
        OrigToks.begin(), OrigToks.end(), OE,
        [](const Token &T, size_t Off) { return T.Begin < Off; });
    for (; It != OrigToks.end() && It->Begin < NextBegin; ++It) {
      if (isPunct(*It, Text, ';'))
        break;
      if (It->significant())
        OE = It->End;
    }
    auto FirstTok = [&](size_t Off) {
      return static_cast<size_t>(std::lower_bound(OrigToks.begin(),
                                                  OrigToks.end(), Off,
                                                  [](const Token &T, size_t O) {
                                                    return T.Begin < O;
                                                  }) -
                                 OrigToks.begin());
    };
    size_t OFirst = FirstTok(OB), OLast = std::max(OFirst, FirstTok(OE));
    llvm::ArrayRef<Token> OrigStmt =
        llvm::ArrayRef<Token>(OrigToks).slice(OFirst, OLast - OFirst);

    for (StatementFacts &F : Facts) {
      F.Begin = OB;
      F.End = OE;
      F.LockInsertOffset = OE;
      originalWords(Text, OrigStmt, F);
      Result.Statements.push_back(std::move(F));
    }
  }
  return Result;
}

size_t uncertainStatements(const SqlFacts &Facts) {
  return llvm::count_if(Facts.Statements,
                        [](const StatementFacts &F) { return !F.Certain; });
}

} // namespace

SqlFacts analyzeSqlUncached(llvm::StringRef Text, Dialect D) {
  SqlFacts Result = analyzeNormalized(Text, D, /*ClientPlaceholders=*/false);
  // `?` is also a jsonb operator, so PostgreSQL text gets the client
  // libraries' `?` placeholders only when it does not parse without them.
  if (D != Dialect::PostgreSQL || Result.ParseError.empty() ||
      !llvm::any_of(lexSql(Text, D, /*ClientPlaceholders=*/true),
                    [&](const Token &T) {
                      return T.Kind == TokKind::Param && Text[T.Begin] == '?';
                    }))
    return Result;
  SqlFacts Retry = analyzeNormalized(Text, D, /*ClientPlaceholders=*/true);
  return uncertainStatements(Retry) < uncertainStatements(Result) ? Retry
                                                                  : Result;
}

namespace {

struct Cache {
  std::mutex M;
  std::map<std::pair<std::string, int>, std::unique_ptr<SqlFacts>> Entries;
};

Cache &cache() {
  // Never destroyed: references handed out must outlive static destructors.
  static Cache *C = new Cache;
  return *C;
}

} // namespace

const SqlFacts &analyzeSql(llvm::StringRef Text, Dialect D) {
  std::pair<std::string, int> Key(Text.str(), static_cast<int>(D));
  Cache &C = cache();
  {
    std::lock_guard<std::mutex> Lock(C.M);
    auto It = C.Entries.find(Key);
    if (It != C.Entries.end())
      return *It->second;
  }
  // Parse outside the lock so threads do not wait on each other's parses;
  // the first result stored wins.
  auto Facts = std::make_unique<SqlFacts>(analyzeSqlUncached(Text, D));
  std::lock_guard<std::mutex> Lock(C.M);
  auto [It, Inserted] = C.Entries.emplace(std::move(Key), std::move(Facts));
  return *It->second;
}

bool lockConflictsWithItself(LockStrength L) {
  return L == LockStrength::ForUpdate || L == LockStrength::ForNoKeyUpdate;
}

llvm::StringRef dialectName(Dialect D) {
  switch (D) {
  case Dialect::PostgreSQL:
    return "postgresql";
  case Dialect::SQLite:
    return "sqlite";
  case Dialect::MySQL:
    return "mysql";
  }
  return "postgresql";
}

std::optional<Dialect> parseDialect(llvm::StringRef Name) {
  std::string N = Name.trim().lower();
  if (N == "postgresql" || N == "postgres" || N == "pg" || N == "pgsql")
    return Dialect::PostgreSQL;
  if (N == "sqlite")
    return Dialect::SQLite;
  if (N == "mysql" || N == "mariadb")
    return Dialect::MySQL;
  return std::nullopt;
}

llvm::StringRef kindName(StatementKind K) {
  switch (K) {
  case StatementKind::Select:
    return "select";
  case StatementKind::Insert:
    return "insert";
  case StatementKind::Update:
    return "update";
  case StatementKind::Delete:
    return "delete";
  case StatementKind::Upsert:
    return "upsert";
  case StatementKind::Begin:
    return "begin";
  case StatementKind::Commit:
    return "commit";
  case StatementKind::Rollback:
    return "rollback";
  case StatementKind::Savepoint:
    return "savepoint";
  case StatementKind::SetTransaction:
    return "set-transaction";
  case StatementKind::LockTable:
    return "lock-table";
  case StatementKind::AdvisoryLock:
    return "advisory-lock";
  case StatementKind::Other:
    return "other";
  }
  return "other";
}

llvm::StringRef lockName(LockStrength L) {
  switch (L) {
  case LockStrength::None:
    return "";
  case LockStrength::ForKeyShare:
    return "FOR KEY SHARE";
  case LockStrength::ForShare:
    return "FOR SHARE";
  case LockStrength::ForNoKeyUpdate:
    return "FOR NO KEY UPDATE";
  case LockStrength::ForUpdate:
    return "FOR UPDATE";
  }
  return "";
}

} // namespace dbrace::sqlfacts
