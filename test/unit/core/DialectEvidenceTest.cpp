//===--- DialectEvidenceTest.cpp - The database a connection text names ---===//

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

} // namespace
} // namespace dbrace
