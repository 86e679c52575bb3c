//===--- DialectEvidenceTest.cpp - The database a connection text names ---===//

#include "ConnectionDialects.h"
#include "DialectEvidence.h"
#include "gtest/gtest.h"

namespace dbrace {
namespace {

LibraryRules library() {
  LibraryRules L;
  L.Names = {{"LITE", "sqlite"},
             {"pg", "postgresql"},
             {"MyDb", "mysql"},
             {"db::serializable", "serializable"}};
  return L;
}

TEST(DialectEvidence, NamesSchemesAndOdbcDrivers) {
  LibraryRules L = library();
  using sqlfacts::Dialect;
  EXPECT_EQ(dialectNamedIn("LITE", L), Dialect::SQLite);
  EXPECT_EQ(dialectNamedIn("lite", L), Dialect::SQLite); // Any case.
  EXPECT_EQ(dialectNamedIn("pg://host=x dbname=y", L), Dialect::PostgreSQL);
  EXPECT_EQ(dialectNamedIn("lite:db=tickets.db", L), Dialect::SQLite);
  EXPECT_EQ(dialectNamedIn("Driver={MyDb ODBC 8.0 Driver};Server=x", L),
            Dialect::MySQL);
  EXPECT_EQ(dialectNamedIn("DSN=x;DRIVER=Lite Driver", L), Dialect::SQLite);
}

TEST(DialectEvidence, NothingElse) {
  LibraryRules L = library();
  // Isolation names are no dialect; a name must be whole.
  EXPECT_FALSE(dialectNamedIn("db::serializable", L));
  EXPECT_FALSE(dialectNamedIn("LITEX", L));
  EXPECT_FALSE(dialectNamedIn("Driver={LiteX}", L));
  EXPECT_FALSE(dialectNamedIn("tickets.db", L));
  EXPECT_FALSE(dialectNamedIn("", L));
  EXPECT_FALSE(dialectNamedIn("DSN=pg", L));
}

TEST(DialectEvidence, AConnectionHasADialectWhereEveryWayNamesOne) {
  using sqlfacts::Dialect;
  DialectSet Set;
  EXPECT_FALSE(Set.one()); // Opened nowhere.
  Set.add(Dialect::SQLite);
  Set.add(Dialect::SQLite);
  EXPECT_EQ(Set.one(), Dialect::SQLite);
  DialectSet Other;
  Other.add(Dialect::PostgreSQL);
  Set.add(Other);
  EXPECT_FALSE(Set.one()); // Opened in two.
  EXPECT_EQ(Set.Named.size(), 2u);
  DialectSet Partly;
  Partly.add(Dialect::MySQL);
  Partly.add(std::nullopt); // A way that names no dialect the rules know.
  EXPECT_FALSE(Partly.one());
  EXPECT_TRUE(Partly.Unknown);
  EXPECT_TRUE(DialectSet::unknown().Unknown);
}

} // namespace
} // namespace dbrace
