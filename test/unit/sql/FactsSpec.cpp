//===--- FactsSpec.cpp - Compact expectations for SQL facts in tests -------===//

#include "FactsSpec.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace dbrace::sqlfacts::test {

namespace {

std::string join(const std::vector<std::string> &L) {
  return llvm::join(L, ",");
}

std::string keys(const std::vector<KeyComparison> &L) {
  std::vector<std::string> Out;
  for (const KeyComparison &K : L) {
    std::string S = K.Table.empty() ? K.Column : K.Table + "." + K.Column;
    S += K.AnyOf ? "=any" : "=";
    if (K.Param)
      S += "$" + std::to_string(K.Param);
    else if (K.Literal)
      S += "'" + *K.Literal + "'";
    else
      S += "?";
    Out.push_back(S);
  }
  return join(Out);
}

std::string lock(LockStrength L) {
  switch (L) {
  case LockStrength::None:
    return "none";
  case LockStrength::ForKeyShare:
    return "keyshare";
  case LockStrength::ForShare:
    return "share";
  case LockStrength::ForNoKeyUpdate:
    return "nokeyupdate";
  case LockStrength::ForUpdate:
    return "update";
  }
  return "?";
}

std::string isolation(Isolation I) {
  switch (I) {
  case Isolation::Unspecified:
    return "none";
  case Isolation::ReadUncommitted:
    return "readuncommitted";
  case Isolation::ReadCommitted:
    return "readcommitted";
  case Isolation::RepeatableRead:
    return "repeatableread";
  case Isolation::Serializable:
    return "serializable";
  }
  return "?";
}

std::string mode(BeginMode M) {
  switch (M) {
  case BeginMode::Unspecified:
    return "none";
  case BeginMode::Deferred:
    return "deferred";
  case BeginMode::Immediate:
    return "immediate";
  case BeginMode::Exclusive:
    return "exclusive";
  }
  return "?";
}

} // namespace

std::string renderField(const StatementFacts &S, llvm::StringRef Name) {
  if (Name == "kind")
    return kindName(S.Kind).str();
  if (Name == "read")
    return join(S.TablesRead);
  if (Name == "write")
    return join(S.TablesWritten);
  if (Name == "lock")
    return lock(S.Lock);
  if (Name == "nowait")
    return S.NoWait ? "1" : "0";
  if (Name == "skiplocked")
    return S.SkipLocked ? "1" : "0";
  if (Name == "of")
    return join(S.LockOf);
  if (Name == "keys")
    return keys(S.Keys);
  if (Name == "values")
    return keys(S.Values);
  if (Name == "sets") {
    std::vector<std::string> Out;
    for (const SetClause &C : S.Sets)
      Out.push_back(C.Column + (C.Relative ? "+" : ""));
    return join(Out);
  }
  if (Name == "guards")
    return join(S.GuardColumns);
  if (Name == "returns")
    return join(S.ColumnsReturned);
  if (Name == "functions")
    return join(S.FunctionsRead);
  if (Name == "exists")
    return S.IsExistenceOrCount ? "1" : "0";
  if (Name == "lockok")
    return S.LockClauseAllowed ? "1" : "0";
  if (Name == "iso")
    return isolation(S.IsolationLevel);
  if (Name == "mode")
    return mode(S.Mode);
  if (Name == "certain")
    return S.Certain ? "1" : "0";
  if (Name == "adv")
    return S.AdvisoryFunction;
  if (Name == "at")
    return std::to_string(S.Begin) + ":" + std::to_string(S.End);
  if (Name == "ins")
    return std::to_string(S.LockInsertOffset);
  return "<unknown field " + Name.str() + ">";
}

std::string checkSpec(const SqlFacts &Facts, llvm::StringRef Spec) {
  llvm::SmallVector<llvm::StringRef, 4> Stmts;
  if (!Spec.trim().empty())
    Spec.split(Stmts, " | ");
  std::string Diff;
  if (Stmts.size() != Facts.Statements.size())
    return "expected " + std::to_string(Stmts.size()) + " statements, got " +
           std::to_string(Facts.Statements.size());
  for (size_t I = 0; I < Stmts.size(); ++I) {
    llvm::SmallVector<llvm::StringRef, 8> Items;
    Stmts[I].split(Items, ' ', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef Item : Items) {
      auto [Name, Want] = Item.split('=');
      std::string Got = renderField(Facts.Statements[I], Name);
      if (Got != Want)
        Diff += "statement " + std::to_string(I) + ": " + Name.str() +
                " is '" + Got + "', expected '" + Want.str() + "'\n";
    }
  }
  return Diff;
}

std::string CaseNames::operator()(Dialect D, llvm::StringRef Sql) {
  std::string Name = dialectName(D).str() + "_";
  bool Gap = false;
  for (char C : Sql) {
    if (Name.size() >= 48)
      break;
    if (llvm::isAlnum(C)) {
      if (Gap && Name.back() != '_')
        Name += '_';
      Name += C;
      Gap = false;
    } else {
      Gap = true;
    }
  }
  if (unsigned Count = Seen[Name]++)
    Name += "_" + std::to_string(Count + 1);
  return Name;
}

} // namespace dbrace::sqlfacts::test
