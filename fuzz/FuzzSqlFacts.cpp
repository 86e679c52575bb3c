//===--- FuzzSqlFacts.cpp - libFuzzer target: normalisation and parsing ---===//
//
// The first byte picks the dialect, the rest is the SQL text. Besides not
// crashing, the facts must keep their offsets inside the text.
//
//===----------------------------------------------------------------------===//

#include "sql/SqlFacts.h"
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  using dbrace::sqlfacts::Dialect;
  const Dialect Dialects[] = {Dialect::PostgreSQL, Dialect::SQLite,
                              Dialect::MySQL};
  Dialect D = Dialects[Data[0] % 3];
  llvm::StringRef Text(reinterpret_cast<const char *>(Data + 1), Size - 1);
  dbrace::sqlfacts::SqlFacts Facts = dbrace::sqlfacts::analyzeSqlUncached(Text, D);
  size_t Prev = 0;
  for (const dbrace::sqlfacts::StatementFacts &S : Facts.Statements) {
    if (S.Begin > S.End || S.End > Text.size() ||
        S.LockInsertOffset > Text.size() || S.Begin < Prev)
      abort();
    Prev = S.End;
  }
  std::string Json = dbrace::sqlfacts::factsToJson(Facts);
  if (Json.empty())
    abort();
  return 0;
}
