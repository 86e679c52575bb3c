//===--- FactsJson.cpp - The facts as JSON for explain-sql and tests -----===//
//
// Keys are written in a fixed order (llvm::json::Object would sort them by
// hash), so the output can be compared as text.
//
//===----------------------------------------------------------------------===//

#include "sql/SqlFacts.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace dbrace::sqlfacts {

namespace {

llvm::StringRef isolationName(Isolation I) {
  switch (I) {
  case Isolation::Unspecified:
    return "unspecified";
  case Isolation::ReadUncommitted:
    return "read uncommitted";
  case Isolation::ReadCommitted:
    return "read committed";
  case Isolation::RepeatableRead:
    return "repeatable read";
  case Isolation::Serializable:
    return "serializable";
  }
  return "unspecified";
}

llvm::StringRef modeName(BeginMode M) {
  switch (M) {
  case BeginMode::Unspecified:
    return "unspecified";
  case BeginMode::Deferred:
    return "deferred";
  case BeginMode::Immediate:
    return "immediate";
  case BeginMode::Exclusive:
    return "exclusive";
  }
  return "unspecified";
}

/// JSON must be UTF-8; names from binary input may not be.
std::string utf8(llvm::StringRef S) {
  return llvm::json::isUTF8(S) ? S.str() : llvm::json::fixUTF8(S);
}

void strings(llvm::json::OStream &J, llvm::StringRef Key,
             const std::vector<std::string> &L) {
  J.attributeArray(Key, [&] {
    for (const std::string &S : L)
      J.value(utf8(S));
  });
}

void keys(llvm::json::OStream &J, llvm::StringRef Key,
          const std::vector<KeyComparison> &L) {
  J.attributeArray(Key, [&] {
    for (const KeyComparison &K : L)
      J.object([&] {
        J.attribute("table", utf8(K.Table));
        J.attribute("column", utf8(K.Column));
        J.attribute("param", K.Param);
        if (K.Literal)
          J.attribute("literal", utf8(*K.Literal));
        else
          J.attribute("literal", nullptr);
        J.attribute("anyOf", K.AnyOf);
      });
  });
}

void statement(llvm::json::OStream &J, const StatementFacts &S) {
  J.object([&] {
    J.attribute("kind", kindName(S.Kind));
    J.attribute("begin", static_cast<int64_t>(S.Begin));
    J.attribute("end", static_cast<int64_t>(S.End));
    J.attribute("certain", S.Certain);
    strings(J, "tablesRead", S.TablesRead);
    strings(J, "tablesWritten", S.TablesWritten);
    J.attribute("lock", lockName(S.Lock));
    J.attribute("noWait", S.NoWait);
    J.attribute("skipLocked", S.SkipLocked);
    strings(J, "lockOf", S.LockOf);
    keys(J, "keys", S.Keys);
    J.attributeArray("sets", [&] {
      for (const SetClause &C : S.Sets)
        J.object([&] {
          J.attribute("column", utf8(C.Column));
          J.attribute("relative", C.Relative);
        });
    });
    strings(J, "guardColumns", S.GuardColumns);
    keys(J, "values", S.Values);
    strings(J, "functionsRead", S.FunctionsRead);
    strings(J, "columnsReturned", S.ColumnsReturned);
    J.attribute("isExistenceOrCount", S.IsExistenceOrCount);
    J.attribute("lockClauseAllowed", S.LockClauseAllowed);
    J.attribute("lockInsertOffset", static_cast<int64_t>(S.LockInsertOffset));
    J.attribute("isolation", isolationName(S.IsolationLevel));
    J.attribute("mode", modeName(S.Mode));
    J.attribute("advisoryFunction", utf8(S.AdvisoryFunction));
  });
}

} // namespace

std::string factsToJson(const SqlFacts &Facts) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("parseError", utf8(Facts.ParseError));
    J.attributeArray("statements", [&] {
      for (const StatementFacts &S : Facts.Statements)
        statement(J, S);
    });
  });
  OS.flush();
  Out += '\n';
  return Out;
}

} // namespace dbrace::sqlfacts
