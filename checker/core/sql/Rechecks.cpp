//===--- Rechecks.cpp - Whether a write re-asserts what a read decided ----===//

#include "sql/Rechecks.h"
#include <algorithm>

namespace dbrace::sqlfacts {

namespace {
bool contains(const std::vector<std::string> &List, llvm::StringRef S) {
  return std::find(List.begin(), List.end(), S) != List.end();
}

bool returns(const StatementFacts &Read, llvm::StringRef Column) {
  return contains(Read.ColumnsReturned, Column) ||
         contains(Read.ColumnsReturned, "*");
}

bool findsRowBy(const StatementFacts &Read, llvm::StringRef Column) {
  return std::any_of(
      Read.Keys.begin(), Read.Keys.end(),
      [&](const KeyComparison &K) { return K.Column == Column; });
}

bool advances(const StatementFacts &Write, llvm::StringRef Column) {
  return std::any_of(
      Write.Sets.begin(), Write.Sets.end(),
      [&](const SetClause &S) { return S.Relative && S.Column == Column; });
}
} // namespace

bool rechecks(const StatementFacts *Read, const StatementFacts &Write,
              const TableKeys *Keys) {
  bool Known = Read && Read->Certain;
  for (const std::string &C : Write.GuardColumns)
    if (!Known || returns(*Read, C))
      return true;
  for (const KeyComparison &K : Write.Keys) {
    if (Keys && Keys->inUniqueKey(K.Column))
      continue;
    if (advances(Write, K.Column))
      return true;
    if (Known && returns(*Read, K.Column) && !findsRowBy(*Read, K.Column))
      return true;
  }
  return false;
}

bool checksWhatItChanges(const StatementFacts &Read,
                         const StatementFacts &Write) {
  if (!Read.Certain || !Write.Certain || Write.Kind != StatementKind::Update ||
      Write.Sets.empty())
    return false;
  return std::all_of(
      Write.Sets.begin(), Write.Sets.end(), [&](const SetClause &S) {
        bool Reasserted = contains(Write.GuardColumns, S.Column) ||
                          std::any_of(Write.Keys.begin(), Write.Keys.end(),
                                      [&](const KeyComparison &K) {
                                        return K.Column == S.Column;
                                      });
        return Reasserted && !returns(Read, S.Column);
      });
}

bool decidesOnlyWhichRow(const StatementFacts &Read,
                         const StatementFacts &Write) {
  if (!Read.Certain || !Write.Certain || !Read.GuardColumns.empty() ||
      (Write.Kind != StatementKind::Update &&
       Write.Kind != StatementKind::Delete))
    return false;
  for (const KeyComparison &K : Read.Keys)
    if (K.Param == 0)
      return false; // `used = false`: a decision on the row's contents.
  if (Read.IsExistence)
    return true;
  if (Read.IsExistenceOrCount || Read.ColumnsReturned.empty())
    return false;
  for (const std::string &C : Read.ColumnsReturned)
    if (C == "*" ||
        std::none_of(Write.Keys.begin(), Write.Keys.end(),
                     [&](const KeyComparison &K) { return K.Column == C; }))
      return false;
  return true;
}

bool sameTable(llvm::StringRef A, llvm::StringRef B) {
  if (A == B)
    return true;
  auto Unqualified = [](llvm::StringRef Name) {
    return Name.substr(Name.rfind('.') + 1);
  };
  bool AQualified = A.contains('.'), BQualified = B.contains('.');
  if (AQualified == BQualified)
    return false;
  return Unqualified(A) == Unqualified(B);
}

} // namespace dbrace::sqlfacts
