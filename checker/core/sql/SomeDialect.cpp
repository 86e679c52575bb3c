//===--- SomeDialect.cpp - SQL whose dialect the code does not say --------===//
//
// Text that does not parse in the dialect expected may be another's: SQL
// for SQLite written with back-ticks, which PostgreSQL's parser refuses. Trying
// the others costs a parse only for text that failed, and each reading is
// cached as any other.
//
//===----------------------------------------------------------------------===//

#include "sql/SqlFacts.h"
#include "llvm/ADT/STLExtras.h"

namespace dbrace::sqlfacts {

namespace {
size_t uncertain(const SqlFacts &Facts) {
  return llvm::count_if(Facts.Statements,
                        [](const StatementFacts &S) { return !S.Certain; });
}
} // namespace

DialectReading analyzeSqlInSomeDialect(llvm::StringRef Text,
                                       Dialect Preferred) {
  DialectReading Best{&analyzeSql(Text, Preferred), Preferred};
  if (Best.Facts->ParseError.empty())
    return Best;
  for (Dialect D : {Dialect::PostgreSQL, Dialect::SQLite, Dialect::MySQL}) {
    if (D == Preferred)
      continue;
    const SqlFacts &Other = analyzeSql(Text, D);
    if (uncertain(Other) < uncertain(*Best.Facts))
      Best = {&Other, D};
  }
  return Best;
}

} // namespace dbrace::sqlfacts
