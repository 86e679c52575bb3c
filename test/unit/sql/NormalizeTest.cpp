//===--- NormalizeTest.cpp - Dialect normalisation and its offset map -----===//

#include "FactsSpec.h"
#include "sql/Normalize.h"
#include "sql/SqlLexer.h"
#include <gtest/gtest.h>

namespace dbrace::sqlfacts::test {
namespace {

using detail::normalizeSql;

struct NormCase {
  Dialect D;
  const char *In;
  const char *Out;
};

constexpr Dialect P = Dialect::PostgreSQL;
constexpr Dialect S = Dialect::SQLite;
constexpr Dialect M = Dialect::MySQL;

const NormCase NormCases[] = {
    {S, "SELECT ? , ?", "SELECT $1 , $2"},
    {S, "SELECT ?3, ?", "SELECT $3, $4"},
    {S, "SELECT :a, :b, :a", "SELECT $1, $2, $1"},
    {S, "SELECT @a, $b, :c", "SELECT $1, $2, $3"},
    {S, "SELECT $1001, ?", "SELECT $1001, $1"},
    {S, "SELECT '?', \"?\" -- ?\n, ?", "SELECT '?', \"?\" -- ?\n, $1"},
    {S, "SELECT /* :x ? */ :y", "SELECT /* :x ? */ $1"},
    {S, "SELECT x::int", "SELECT x::int"},
    {S, "SELECT [My Col], `Back`, \"Dq\" FROM T",
     "SELECT \"my col\", \"back\", \"dq\" FROM T"},
    {S, "SELECT `a``b`", "SELECT \"a`b\""},
    {S, "SELECT \"a\"\"b\"", "SELECT \"a\"\"b\""},
    {S, "SELECT 1 WHERE a == b", "SELECT 1 WHERE a = b"},
    {S, "BEGIN IMMEDIATE TRANSACTION", "BEGIN  TRANSACTION"},
    {S, "BEGIN EXCLUSIVE", "BEGIN "},
    {S, "INSERT OR IGNORE INTO t VALUES (?)", "INSERT   INTO t VALUES ($1)"},
    {S, "REPLACE INTO t VALUES (1)", "INSERT INTO t VALUES (1)"},
    {S, "UPDATE t SET a = 1 WHERE id = ? LIMIT 1", "UPDATE t SET a = 1 WHERE id = $1        "},
    {S, "SELECT 1; SELECT ?; SELECT ?", "SELECT 1; SELECT $1; SELECT $1"},
    {S, "SELECT 'it''s a \\ backslash'", "SELECT 'it''s a \\ backslash'"},
    {S, "SELECT 0x10", "SELECT 16"},
    {M, "REPLACE t VALUES (1)", "INSERT INTO t VALUES (1)"},
    {M, "SELECT 1 FROM t LOCK IN SHARE MODE", "SELECT 1 FROM t FOR SHARE"},
    {M, "INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE b = VALUES(b)",
     "INSERT INTO t VALUES (1) ON CONFLICT DO UPDATE SET b = \"values\"(b)"},
    {M, "SELECT \"str\", 'a\\'b', 'c\\\\'", "SELECT 'str', 'a''b', 'c\\'"},
    {M, "SELECT 'x\"y', \"x'y\"", "SELECT 'x\"y', 'x''y'"},
    {M, "# c ?\nSELECT ?", "-- c ?\nSELECT $1"},
    {M, "SELECT * FROM t LIMIT 1, 2", "SELECT * FROM t LIMIT 1 OFFSET  2"},
    {M, "UPDATE t SET a = 1 ORDER BY id LIMIT 1", "UPDATE t SET a = 1                    "},
    {M, "SET GLOBAL TRANSACTION ISOLATION LEVEL SERIALIZABLE",
     "SET  TRANSACTION ISOLATION LEVEL SERIALIZABLE"},
    {M, "START TRANSACTION WITH CONSISTENT SNAPSHOT", "START TRANSACTION "},
    {M, "INSERT IGNORE INTO t VALUES (?)", "INSERT  INTO t VALUES ($1)"},
    {M, "SELECT @@session.x, @v", "SELECT $1, $2"},
    {M, "SELECT a-- not a comment\n", "SELECT a-- not a comment\n"},
    {M, "SELECT `Db`.`T`", "SELECT \"db\".\"t\""},
    {P, "SELECT $1::int, ? FROM t WHERE a ? 'k'", "SELECT $1::int, ? FROM t WHERE a ? 'k'"},
    {P, "SELECT `x`", "SELECT `x`"},
    {P, "SELECT a FROM t WHERE id = :id AND b = :b OR c = :id",
     "SELECT a FROM t WHERE id = $1 AND b = $2 OR c = $1"},
    {P, "INSERT INTO t VALUES ($1, :x)", "INSERT INTO t VALUES ($1, $2)"},
    {P, "SELECT x::int, a[lo:hi], ':s' FROM t", "SELECT x::int, a[lo:hi], ':s' FROM t"},
};

class Normalization : public ::testing::TestWithParam<NormCase> {};

TEST_P(Normalization, RewritesAsPostgreSQL) {
  const NormCase &C = GetParam();
  EXPECT_EQ(normalizeSql(C.In, C.D).Text, C.Out)
      << dialectName(C.D).str() << ": " << C.In;
}

INSTANTIATE_TEST_SUITE_P(
    Sql, Normalization, ::testing::ValuesIn(NormCases),
    [](const ::testing::TestParamInfo<NormCase> &Info) {
      static const std::vector<std::string> Names = [] {
        CaseNames Namer;
        std::vector<std::string> All;
        for (const NormCase &C : NormCases)
          All.push_back(Namer(C.D, C.In));
        return All;
      }();
      return Names[Info.index];
    });

TEST(Normalization, NulBytesBecomeSpaces) {
  std::string In("SELECT 1\0 FROM t", 16);
  for (Dialect D : {P, S, M})
    EXPECT_EQ(normalizeSql(In, D).Text, "SELECT 1  FROM t");
}

TEST(OffsetMap, MapsTokenBoundariesBack) {
  std::string In = "SELECT `A`, ?, :long_name FROM t WHERE x = ? LIMIT 1";
  auto N = normalizeSql(In, S);
  for (llvm::StringRef Word : {"FROM", "WHERE", "LIMIT", "x"}) {
    size_t NormAt = N.Text.find(Word.str());
    ASSERT_NE(NormAt, std::string::npos);
    EXPECT_EQ(N.Map.toOriginal(NormAt), In.find(Word.str())) << Word.str();
  }
  EXPECT_EQ(N.Map.toOriginal(N.Text.size()), In.size());
  EXPECT_EQ(N.Map.toOriginal(0), 0u);
  // Inside a rewritten piece: the start of what it replaced.
  size_t Dollar = N.Text.find("$2");
  EXPECT_EQ(N.Map.toOriginal(Dollar), In.find(":long_name"));
  EXPECT_EQ(N.Map.toOriginal(Dollar + 1), In.find(":long_name") + 10);
}

TEST(OffsetMap, EveryTokenStartMapsInsideTheOriginal) {
  std::string In = "REPLACE INTO `t` (a) VALUES (?) ON DUPLICATE KEY UPDATE a = "
                   "VALUES(a); SELECT * FROM u LOCK IN SHARE MODE";
  auto N = normalizeSql(In, M);
  size_t Prev = 0;
  for (const detail::Token &T : detail::lexSql(N.Text, P)) {
    size_t O = N.Map.toOriginal(T.Begin);
    EXPECT_LE(O, In.size());
    EXPECT_GE(O, Prev);
    Prev = O;
  }
}

TEST(OffsetMap, IdentityForPostgreSQL) {
  std::string In = "SELECT * FROM t WHERE id = $1";
  auto N = normalizeSql(In, P);
  for (size_t I = 0; I <= In.size(); ++I)
    EXPECT_EQ(N.Map.toOriginal(I), I);
}

TEST(Normalization, ClientPlaceholdersInPostgreSQLOnRequest) {
  EXPECT_EQ(normalizeSql("SELECT a::int FROM t WHERE id = :id AND b = ? "
                         "AND c = :id; SELECT ?",
                         P, /*ClientPlaceholders=*/true)
                .Text,
            "SELECT a::int FROM t WHERE id = $1 AND b = $2 AND c = $1; "
            "SELECT $1");
  EXPECT_EQ(normalizeSql("SELECT \"Q\" FROM t WHERE x = @y AND z = $1001",
                         P, /*ClientPlaceholders=*/true)
                .Text,
            "SELECT \"Q\" FROM t WHERE x = @y AND z = $1001");
}

TEST(Normalization, PostgreSQLTakesClientPlaceholdersOnlyWhenItMustParse) {
  const SqlFacts &Named =
      analyzeSql("SELECT seats FROM events WHERE id = :id", P);
  ASSERT_EQ(Named.Statements.size(), 1u);
  EXPECT_TRUE(Named.Statements[0].Certain);
  ASSERT_EQ(Named.Statements[0].Keys.size(), 1u);
  EXPECT_EQ(Named.Statements[0].Keys[0].Param, 1);
  const SqlFacts &Positional =
      analyzeSql("UPDATE w SET b = ? WHERE id = ?", P);
  ASSERT_EQ(Positional.Statements.size(), 1u);
  EXPECT_TRUE(Positional.Statements[0].Certain);
  ASSERT_EQ(Positional.Statements[0].Keys.size(), 1u);
  EXPECT_EQ(Positional.Statements[0].Keys[0].Param, 2);
  // The jsonb `?` operator parses as written and stays an operator.
  const SqlFacts &Jsonb =
      analyzeSql("SELECT id FROM docs WHERE body ? 'k' AND id = $1", P);
  ASSERT_EQ(Jsonb.Statements.size(), 1u);
  EXPECT_TRUE(Jsonb.Statements[0].Certain);
  ASSERT_EQ(Jsonb.Statements[0].Keys.size(), 1u);
  EXPECT_EQ(Jsonb.Statements[0].Keys[0].Param, 1);
}

// In MySQL `--` starts a comment only before a blank: `a--1` is `a - -1`.
// PostgreSQL, which parses the normalised text, must not see a comment there
// (found by the fuzzer: the rest of the text was lost, statements overlapped).
TEST(Normalization, MySQLDoubleMinusIsNotAComment) {
  const SqlFacts &Update =
      analyzeSql("UPDATE w SET b = b--1 WHERE id = ?", M);
  ASSERT_EQ(Update.Statements.size(), 1u);
  EXPECT_TRUE(Update.Statements[0].Certain);
  ASSERT_EQ(Update.Statements[0].Keys.size(), 1u);
  EXPECT_EQ(Update.Statements[0].Keys[0].Column, "id");
  const SqlFacts &Odd = analyzeSql("R--`\n;0", M);
  size_t Prev = 0;
  for (const StatementFacts &F : Odd.Statements) {
    EXPECT_LE(Prev, F.Begin);
    EXPECT_LE(F.Begin, F.End);
    Prev = F.End;
  }
  EXPECT_EQ(normalizeSql("SELECT 1--1 -- c", M).Text, "SELECT 1- -1 -- c");
}

TEST(Lexer, CoversTheTextWithoutGaps) {
  std::string In = "SELECT 'a''b', E'\\'', $t$x$t$, \"q\"\"q\", 1.5e3, $1 /* /* */ */ -- x";
  for (Dialect D : {P, S, M}) {
    size_t At = 0;
    for (const detail::Token &T : detail::lexSql(In, D)) {
      EXPECT_EQ(T.Begin, At);
      EXPECT_GT(T.End, T.Begin);
      At = T.End;
    }
    EXPECT_EQ(At, In.size());
  }
}

TEST(Lexer, PostgreSQLNestsBlockComments) {
  auto Toks = detail::lexSql("/* a /* b */ c */ SELECT", P);
  ASSERT_GE(Toks.size(), 1u);
  EXPECT_EQ(Toks[0].Kind, detail::TokKind::Comment);
  EXPECT_EQ(Toks[0].End, 17u);
  auto SToks = detail::lexSql("/* a /* b */ c */ SELECT", S);
  EXPECT_EQ(SToks[0].End, 12u);
}

} // namespace
// Values bound by name need the number each name became, as the facts
// number it.
TEST(NamedPlaceholders, NumberedAsTheFactsNumberThem) {
  std::vector<NamedPlaceholder> N =
      namedPlaceholders("UPDATE t SET a = :a WHERE id = :id AND b = :a", S);
  ASSERT_EQ(N.size(), 3u);
  EXPECT_EQ(N[0].Name, ":a");
  EXPECT_EQ(N[0].Number, 1u);
  EXPECT_EQ(N[1].Name, ":id");
  EXPECT_EQ(N[1].Number, 2u);
  EXPECT_EQ(N[2].Number, 1u);
  EXPECT_EQ(N[1].Offset, 31u);
  // PostgreSQL numbers names after the highest `$N` written.
  N = namedPlaceholders("SELECT * FROM t WHERE a = $2 AND b = :b", P);
  ASSERT_EQ(N.size(), 1u);
  EXPECT_EQ(N[0].Number, 3u);
  const SqlFacts &F = analyzeSql("SELECT * FROM t WHERE a = $2 AND b = :b", P);
  ASSERT_EQ(F.Statements.size(), 1u);
  bool Found = false;
  for (const KeyComparison &K : F.Statements[0].Keys)
    Found |= K.Column == "b" && K.Param == 3;
  EXPECT_TRUE(Found);
}

} // namespace dbrace::sqlfacts::test
