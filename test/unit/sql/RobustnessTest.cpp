//===--- RobustnessTest.cpp - Any text, any thread: no crash, stable API --===//

#include "FactsSpec.h"
#include "sql/ExplainSql.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <random>
#include <thread>

namespace dbrace::sqlfacts::test {
namespace {

constexpr Dialect AllDialects[] = {Dialect::PostgreSQL, Dialect::SQLite,
                                   Dialect::MySQL};

void expectSane(llvm::StringRef Text, const SqlFacts &F) {
  size_t Prev = 0;
  for (const StatementFacts &S : F.Statements) {
    EXPECT_LE(S.Begin, S.End);
    EXPECT_LE(S.End, Text.size());
    EXPECT_LE(S.LockInsertOffset, Text.size());
    EXPECT_GE(S.Begin, Prev);
    Prev = S.End;
  }
  EXPECT_FALSE(factsToJson(F).empty());
}

TEST(Robustness, OddTextInEveryDialect) {
  const char *Texts[] = {
      "", " ", ";", ";;;", "'", "\"", "`", "[", "$", "$$", "$a$", "$1",
      "$99999999999999999999", "?", "?99999999999999999999", ":", "@", "@@",
      "/*", "*/", "--", "#", "E'", "E'\\", "'\\", "(", ")", "))((",
      "SELECT", "SELECT (", "SELECT * FROM", "UPDATE", "UPDATE SET",
      "INSERT INTO", "DELETE FROM", "BEGIN IMMEDIATE", "LOCK", "LOCK TABLES",
      "FOR UPDATE", "SELECT 1 FOR", "WITH", "WITH x AS (", "REPLACE",
      "INSERT OR", "ON DUPLICATE KEY UPDATE", "SELECT \xff\xfe FROM \x80",
      "SELECT * FROM \"\xff\"", "SELECT '\xc3'", "\xef\xbb\xbfSELECT 1",
      "CREATE TRIGGER t BEGIN", "CREATE TRIGGER t BEGIN END END END;",
      "SELECT $1001 FROM $1002 WHERE $1003 = $1004 $1005",
      "SELECT * FROM t WHERE a = ? LIMIT ?, ?", "LIMIT 1, 2",
      "UPDATE t SET a = 1 LIMIT", "SELECT 0x", "SELECT 0xZZ", "SELECT 1e",
      "SELECT .5", "SELECT 1..2", "SELECT `a", "SELECT [a", "SELECT \"a",
      "SELECT 'a", "/* /* */", "SELECT 1 -- ;\n;", "x\0y"};
  for (Dialect D : AllDialects)
    for (const char *T : Texts) {
      SCOPED_TRACE(T);
      SqlFacts F = analyzeSqlUncached(T, D);
      expectSane(T, F);
    }
}

TEST(Robustness, RandomBytes) {
  std::mt19937 Rng(12345);
  const std::string Alphabet = "SELECT FROM WHERE ()'\"`[]$?:@#;-/*=<>,.0123456789"
                               "abcxyz \n\t\\\x80\xff";
  for (int I = 0; I < 1500; ++I) {
    std::string Text;
    size_t Len = Rng() % 80;
    for (size_t J = 0; J < Len; ++J)
      Text += (I % 2) ? Alphabet[Rng() % Alphabet.size()]
                      : static_cast<char>(Rng() & 0xff);
    for (Dialect D : AllDialects) {
      SqlFacts F = analyzeSqlUncached(Text, D);
      expectSane(Text, F);
    }
  }
}

TEST(Robustness, DeepNesting) {
  auto Repeat = [](llvm::StringRef S, int N) {
    std::string Out;
    for (int I = 0; I < N; ++I)
      Out += S.str();
    return Out;
  };
  std::vector<std::string> Texts = {
      "SELECT " + Repeat("(", 12000) + "1" + Repeat(")", 12000),
      "SELECT " + Repeat("NOT ", 5000) + "true",
      "SELECT " + Repeat("(SELECT ", 2000) + "1" + Repeat(")", 2000),
      "SELECT " + Repeat("f(", 3000) + "1" + Repeat(")", 3000),
      "UPDATE t SET a = 1 WHERE " + Repeat("(a = 1 OR ", 2000) + "b" +
          Repeat(")", 2000),
      Repeat("(", 50000)};
  for (Dialect D : AllDialects)
    for (const std::string &T : Texts) {
      SqlFacts F = analyzeSqlUncached(T, D);
      expectSane(T, F);
    }
}

TEST(Robustness, HugeText) {
  std::string Wide = "SELECT * FROM t WHERE id = $1";
  for (int I = 0; I < 5000; ++I)
    Wide += " AND c" + std::to_string(I) + " = " + std::to_string(I);
  SqlFacts F = analyzeSqlUncached(Wide, Dialect::PostgreSQL);
  ASSERT_EQ(F.Statements.size(), 1u);
  EXPECT_EQ(F.Statements[0].Keys.size(), 5001u);

  std::string Many;
  for (int I = 0; I < 1000; ++I)
    Many += "SELECT * FROM t" + std::to_string(I) + " WHERE id = ?;\n";
  SqlFacts G = analyzeSqlUncached(Many, Dialect::SQLite);
  ASSERT_EQ(G.Statements.size(), 1000u);
  EXPECT_EQ(G.Statements[999].TablesRead,
            std::vector<std::string>{"t999"});
  expectSane(Many, G);
}

TEST(Cache, SameTextSameRecord) {
  const SqlFacts &A = analyzeSql("SELECT * FROM `cached` WHERE id = ?",
                                 Dialect::SQLite);
  const SqlFacts &B = analyzeSql("SELECT * FROM `cached` WHERE id = ?",
                                 Dialect::SQLite);
  const SqlFacts &C = analyzeSql("SELECT * FROM `cached` WHERE id = ?",
                                 Dialect::PostgreSQL);
  EXPECT_EQ(&A, &B);
  EXPECT_NE(&A, &C);
  EXPECT_TRUE(A.ParseError.empty());
  EXPECT_FALSE(C.ParseError.empty()); // Back-ticks are not PostgreSQL.
}

TEST(Cache, ThreadsShareResults) {
  std::vector<std::string> Texts;
  for (int I = 0; I < 300; ++I)
    Texts.push_back("UPDATE t" + std::to_string(I % 50) +
                    " SET n = n + 1 WHERE id = $1");
  std::vector<std::vector<const SqlFacts *>> Seen(8);
  std::vector<std::thread> Threads;
  for (int T = 0; T < 8; ++T)
    Threads.emplace_back([&, T] {
      for (const std::string &S : Texts)
        Seen[T].push_back(&analyzeSql(S, Dialect::PostgreSQL));
    });
  for (std::thread &T : Threads)
    T.join();
  for (int T = 1; T < 8; ++T)
    EXPECT_EQ(Seen[T], Seen[0]);
  EXPECT_EQ(Seen[0][7]->Statements.at(0).TablesWritten,
            std::vector<std::string>{"t7"});
}

TEST(Json, StableKeyOrder) {
  std::string J = factsToJson(
      analyzeSql("SELECT * FROM t WHERE id = $1 FOR UPDATE", Dialect::PostgreSQL));
  const char *Keys[] = {"\"parseError\"", "\"statements\"", "\"kind\"",
                        "\"begin\"", "\"end\"", "\"certain\"", "\"tablesRead\"",
                        "\"tablesWritten\"", "\"lock\"", "\"noWait\"",
                        "\"skipLocked\"", "\"lockOf\"", "\"keys\"", "\"table\"",
                        "\"column\"", "\"param\"", "\"literal\"", "\"anyOf\"",
                        "\"sets\"", "\"guardColumns\"", "\"values\"",
                        "\"functionsRead\"", "\"columnsReturned\"", "\"isExistenceOrCount\"", "\"lockClauseAllowed\"",
                        "\"lockInsertOffset\"", "\"isolation\"", "\"mode\"",
                        "\"advisoryFunction\""};
  size_t At = 0;
  for (const char *K : Keys) {
    size_t Next = J.find(K, At);
    ASSERT_NE(Next, std::string::npos) << K << " in\n" << J;
    At = Next;
  }
  EXPECT_NE(J.find("\"lock\": \"FOR UPDATE\""), std::string::npos) << J;
  EXPECT_EQ(J, factsToJson(analyzeSqlUncached(
                   "SELECT * FROM t WHERE id = $1 FOR UPDATE",
                   Dialect::PostgreSQL)));
}

TEST(Json, InvalidUtf8IsRepaired) {
  std::string J = factsToJson(analyzeSql("SELECT * FROM \"\xff\xfe\"", Dialect::PostgreSQL));
  EXPECT_FALSE(J.empty());
}

TEST(Names, RoundTrip) {
  for (Dialect D : AllDialects)
    EXPECT_EQ(parseDialect(dialectName(D)), D);
  EXPECT_EQ(parseDialect("Postgres"), Dialect::PostgreSQL);
  EXPECT_EQ(parseDialect("SQLite"), Dialect::SQLite);
  EXPECT_EQ(parseDialect("MariaDB"), Dialect::MySQL);
  EXPECT_EQ(parseDialect("oracle"), std::nullopt);
  EXPECT_EQ(kindName(StatementKind::AdvisoryLock), "advisory-lock");
  EXPECT_EQ(kindName(StatementKind::SetTransaction), "set-transaction");
  EXPECT_EQ(lockName(LockStrength::None), "");
  EXPECT_EQ(lockName(LockStrength::ForNoKeyUpdate), "FOR NO KEY UPDATE");
  EXPECT_EQ(lockName(LockStrength::ForKeyShare), "FOR KEY SHARE");
}

TEST(ParseError, SetOnlyWhenSomethingFailed) {
  EXPECT_EQ(analyzeSql("SELECT 1; SELECT 2", Dialect::PostgreSQL).ParseError, "");
  const SqlFacts &F = analyzeSql("SELECT 1; SELEC 2", Dialect::PostgreSQL);
  EXPECT_NE(F.ParseError.find("syntax error"), std::string::npos) << F.ParseError;
  EXPECT_TRUE(F.Statements.at(0).Certain);
  EXPECT_FALSE(F.Statements.at(1).Certain);
}

int explain(std::vector<llvm::StringRef> Args, std::string &Out,
            std::string &Err) {
  llvm::raw_string_ostream O(Out), E(Err);
  return explainSqlMain(Args, O, E);
}

TEST(ExplainSql, PrintsFacts) {
  std::string Out, Err;
  EXPECT_EQ(explain({"--dialect=sqlite", "BEGIN IMMEDIATE"}, Out, Err), 0);
  EXPECT_NE(Out.find("\"mode\": \"immediate\""), std::string::npos) << Out;
  EXPECT_EQ(Err, "");
  Out.clear();
  EXPECT_EQ(explain({"--dialect", "mysql", "SELECT * FROM t LOCK IN SHARE MODE"},
                    Out, Err),
            0);
  EXPECT_NE(Out.find("\"lock\": \"FOR SHARE\""), std::string::npos) << Out;
  Out.clear();
  EXPECT_EQ(explain({"SELECT 1"}, Out, Err), 0);
  EXPECT_NE(Out.find("\"kind\": \"select\""), std::string::npos);
  Out.clear();
  EXPECT_EQ(explain({"--", "-- just a comment"}, Out, Err), 0);
  EXPECT_NE(Out.find("\"statements\": []"), std::string::npos) << Out;
}

TEST(ExplainSql, UsageErrors) {
  std::vector<std::vector<llvm::StringRef>> Bad = {
      {}, {"--dialect=oracle", "SELECT 1"}, {"--dialect"}, {"a", "b"},
      {"--frobnicate", "SELECT 1"}};
  for (const auto &Args : Bad) {
    std::string Out, Err;
    EXPECT_EQ(explain(Args, Out, Err), 2);
    EXPECT_EQ(Out, "");
    EXPECT_NE(Err.find("explain-sql"), std::string::npos);
  }
  std::string Out, Err;
  EXPECT_EQ(explain({"--help"}, Out, Err), 0);
  EXPECT_NE(Out.find("usage"), std::string::npos);
}

} // namespace
} // namespace dbrace::sqlfacts::test
