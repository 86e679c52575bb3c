//===--- SchemaTest.cpp - Unique keys read from DDL -----------------------===//

#include "sql/Schema.h"
#include "llvm/ADT/StringExtras.h"
#include <gtest/gtest.h>

namespace dbrace::sqlfacts {
namespace {

/// The keys of \p Table as `a,b|c`, or "?" when the table is unknown.
std::string keys(const Schema &S, llvm::StringRef Table) {
  const TableKeys *T = S.keysOf(Table);
  if (!T)
    return "?";
  std::vector<std::string> Out;
  for (const std::vector<std::string> &K : T->UniqueKeys)
    Out.push_back(llvm::join(K, ","));
  return llvm::join(Out, "|");
}

Schema read(llvm::StringRef Ddl) {
  Schema S;
  EXPECT_EQ(readSchema(Ddl, "schema.sql", S), "");
  return S;
}

TEST(Schema, PostgreSQLColumnAndTableConstraints) {
  Schema S = read("CREATE TABLE users (id bigserial PRIMARY KEY, email text "
                  "UNIQUE, a int, b int, UNIQUE (a, b));\n"
                  "CREATE TABLE s.t (x int, y int, CONSTRAINT pk PRIMARY KEY "
                  "(x, y))");
  EXPECT_EQ(keys(S, "users"), "id|email|a,b");
  EXPECT_EQ(keys(S, "s.t"), "x,y");
  EXPECT_EQ(keys(S, "t"), "x,y"); // Unqualified, one table.
  EXPECT_EQ(keys(S, "public.users"), "id|email|a,b");
  EXPECT_EQ(keys(S, "nobody"), "?");
}

TEST(Schema, UniqueIndexesAndAlterTable) {
  Schema S = read(
      "CREATE TABLE b (id int, e int, n int, u int);\n"
      "CREATE UNIQUE INDEX b_seat ON b (e, n);\n"
      "CREATE INDEX b_e ON b (e);\n"
      "CREATE UNIQUE INDEX b_active ON b (u) WHERE gone IS NULL;\n"
      "CREATE UNIQUE INDEX b_lower ON b (lower(n::text));\n"
      "ALTER TABLE b ADD CONSTRAINT b_pk PRIMARY KEY (id);\n"
      "ALTER TABLE ONLY b ADD UNIQUE (u, e), ADD COLUMN z int;");
  EXPECT_EQ(keys(S, "b"), "e,n|id|u,e");
}

TEST(Schema, CoveringKey) {
  Schema S = read("CREATE TABLE b (e int, n int, UNIQUE (e, n))");
  EXPECT_FALSE(S.uniqueKeyWithin("b", {"e"}));
  EXPECT_EQ(S.uniqueKeyWithin("b", {"n", "x", "e"}),
            (std::vector<std::string>{"e", "n"}));
  EXPECT_FALSE(S.uniqueKeyWithin("c", {"e", "n"}));
}

TEST(Schema, MySQLDump) {
  Schema S = read(
      "/*!40101 SET NAMES utf8 */;\n"
      "DROP TABLE IF EXISTS `coupons`;\n"
      "CREATE TABLE `coupons` (\n"
      "  `id` int(11) unsigned NOT NULL AUTO_INCREMENT,\n"
      "  `Code` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT "
      "NULL COMMENT 'x',\n"
      "  `kind` set('a','b') DEFAULT NULL,\n"
      "  `at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE "
      "CURRENT_TIMESTAMP,\n"
      "  PRIMARY KEY (`id`),\n"
      "  UNIQUE KEY `coupons_code` (`Code`),\n"
      "  KEY `coupons_at` (`at`) USING BTREE,\n"
      "  FULLTEXT KEY `ft` (`Code`)\n"
      ") ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4;\n"
      "INSERT INTO `coupons` VALUES (1,'a',NULL,NOW());");
  EXPECT_EQ(keys(S, "coupons"), "id|code");
}

TEST(Schema, SQLite) {
  Schema S = read("CREATE TABLE IF NOT EXISTS [devices] (id INTEGER PRIMARY "
                  "KEY AUTOINCREMENT, serial TEXT UNIQUE ON CONFLICT ABORT) "
                  "WITHOUT ROWID;\n"
                  "CREATE VIRTUAL TABLE docs USING fts5(body);\n"
                  "PRAGMA foreign_keys = ON;");
  EXPECT_EQ(keys(S, "devices"), "id|serial");
}

TEST(Schema, OtherStatementsAreSkipped) {
  Schema S = read("SET search_path = public; CREATE VIEW v AS SELECT 1;"
                  "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ "
                  "LANGUAGE sql; INSERT INTO t VALUES (1); COMMENT ON TABLE "
                  "t IS 'x'");
  EXPECT_TRUE(S.tables().empty());
}

TEST(Schema, MalformedStatementNamesFileAndLine) {
  Schema S;
  std::string Error = readSchema("CREATE TABLE a (id int PRIMARY KEY);\n\n"
                                 "-- a comment\n"
                                 "CREATE TABLE b (id int PRIMARY KEY,,);\n",
                                 "db/schema.sql", S);
  EXPECT_EQ(Error.rfind("db/schema.sql:4: error: cannot read the keys of "
                        "this statement: ",
                        0),
            0u)
      << Error;
  EXPECT_EQ(readSchema("CREATE TABLE (", "x.sql", S).rfind("x.sql:1: error:", 0),
            0u);
  EXPECT_EQ(readSchema("ALTER TABLE t ADD CONSTRAINT", "y.sql", S)
                .rfind("y.sql:1: error:", 0),
            0u);
  // No input crashes the reader.
  for (const char *Odd : {"", ";;;", "CREATE", "CREATE TABLE", "\x01\xff",
                          "CREATE TABLE t (a int", "ALTER TABLE `", "(((("})
    readSchema(Odd, "z.sql", S);
}

} // namespace
} // namespace dbrace::sqlfacts
