//===--- ExplainSql.cpp - `dbrace explain-sql`: the facts of one SQL string
//===//

#include "sql/ExplainSql.h"
#include "sql/SqlFacts.h"

namespace dbrace::sqlfacts {

namespace {

constexpr llvm::StringLiteral Usage =
    "usage: dbrace explain-sql [--dialect=postgresql|sqlite|mysql] 'SQL'\n";

} // namespace

int explainSqlMain(llvm::ArrayRef<llvm::StringRef> Args, llvm::raw_ostream &Out,
                   llvm::raw_ostream &Err) {
  Dialect D = Dialect::PostgreSQL;
  std::optional<llvm::StringRef> Sql;
  bool OptionsDone = false;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (!OptionsDone && (A == "-h" || A == "--help")) {
      Out << Usage;
      return 0;
    }
    if (!OptionsDone && A == "--") {
      OptionsDone = true;
      continue;
    }
    if (!OptionsDone && A.starts_with("--dialect")) {
      llvm::StringRef Name;
      if (A.consume_front("--dialect=")) {
        Name = A;
      } else if (A == "--dialect" && I + 1 < Args.size()) {
        Name = Args[++I];
      } else {
        Err << "explain-sql: --dialect needs a value\n" << Usage;
        return 2;
      }
      std::optional<Dialect> Parsed = parseDialect(Name);
      if (!Parsed) {
        Err << "explain-sql: unknown dialect '" << Name
            << "' (expected postgresql, sqlite or mysql)\n";
        return 2;
      }
      D = *Parsed;
      continue;
    }
    if (!OptionsDone && A.starts_with("-") && A.size() > 1) {
      Err << "explain-sql: unknown option '" << A << "'\n" << Usage;
      return 2;
    }
    if (Sql) {
      Err << "explain-sql: expected one SQL string (quote it)\n" << Usage;
      return 2;
    }
    Sql = A;
  }
  if (!Sql) {
    Err << "explain-sql: missing SQL string\n" << Usage;
    return 2;
  }
  Out << factsToJson(analyzeSql(*Sql, D));
  return 0;
}

} // namespace dbrace::sqlfacts
