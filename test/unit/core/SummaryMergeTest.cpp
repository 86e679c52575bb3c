//===--- SummaryMergeTest.cpp - Summaries composed across units -----------===//

#include "ApiModel.h"
#include "SummaryMerge.h"
#include "gtest/gtest.h"

using namespace dbrace;

namespace {

ExportedFunction function(std::string Name) {
  ExportedFunction F;
  F.Key = F.Name = std::move(Name);
  F.Visible = true;
  return F;
}

DeferredCall call(std::string Callee, unsigned Order,
                  std::vector<int> ArgParams,
                  std::vector<std::optional<std::string>> ArgSql) {
  DeferredCall C;
  C.Callee = std::move(Callee);
  C.Order = Order;
  C.Object = DeferredCall::OwnObject;
  C.ArgParams = std::move(ArgParams);
  C.ArgSql = std::move(ArgSql);
  C.Returned = true;
  return C;
}

std::string written(const MergedSummaries &M) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeSummaries(M, OS);
  return Text;
}

} // namespace

// C runs its argument; B passes it text with its parameter written in; A
// passes B its own parameter: three units, one rule each, composed as data.
TEST(SummaryMerge, ChainsOfWrappersComposeAcrossUnits) {
  ExportedFunction C = function("db::Database::storeQuery");
  ExportedRule Run;
  Run.Rule.Action = CallAction::Execute;
  Run.Rule.SqlArg = 0;
  Run.Dialect = sqlfacts::Dialect::MySQL;
  C.Rules.push_back(Run);
  ExportedFunction B = function("SeatDao::available");
  B.Calls.push_back(
      call("db::Database::storeQuery", 10, {-1},
           {std::string("SELECT available FROM events WHERE id = {0}")}));
  ExportedFunction A = function("Service::available");
  A.Calls.push_back(call("SeatDao::available", 5, {1}, {std::nullopt}));

  MergedSummaries M = mergeSummaries({{A}, {B}, {C}});
  std::string Text = written(M);
  EXPECT_NE(Text.find("- { name: 'Service::available', action: execute, sql: "
                      "'SELECT available FROM events WHERE id = {1}', result: "
                      "return }"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("dialect: mysql"), std::string::npos) << Text;
  EXPECT_NE(Text.find("summaries: true"), std::string::npos) << Text;

  // And the file loads as rules.
  LibraryRules Loaded;
  std::string Error;
  ASSERT_TRUE(parseRules(Text, "summaries.yaml", Loaded, Error)) << Error;
  EXPECT_TRUE(Loaded.Summaries);
  EXPECT_EQ(Loaded.Calls.size(), 3u);
}

// A cycle (A calls B calls A) ends where it closes.
TEST(SummaryMerge, CyclesEnd) {
  ExportedFunction A = function("a"), B = function("b");
  ExportedRule Slow;
  Slow.Rule.Action = CallAction::Slow;
  A.Rules.push_back(Slow);
  A.Calls.push_back(call("b", 1, {}, {}));
  B.Calls.push_back(call("a", 1, {}, {}));
  MergedSummaries M = mergeSummaries({{A, B}});
  EXPECT_EQ(M.Rules["a"].size(), 1u);
  EXPECT_EQ(M.Rules["b"].size(), 1u);
}

// Overloads that summarise differently cannot be told apart by a rule's
// name: neither gets rules.
TEST(SummaryMerge, DifferentOverloadsGetNoRules) {
  ExportedFunction One = function("f"), Two = function("f");
  One.Signature = "int;";
  Two.Signature = "int;int;";
  ExportedRule Slow;
  Slow.Rule.Action = CallAction::Slow;
  One.Rules.push_back(Slow);
  MergedSummaries M = mergeSummaries({{One}, {Two}});
  EXPECT_EQ(M.Rules.count("f"), 0u);
}

// A begin on a local object of the caller's own is not its callers'
// transaction.
TEST(SummaryMerge, LocalTransactionsStayLocal) {
  ExportedFunction Guard = function("Guard::begin");
  ExportedRule Begin;
  Begin.Rule.Action = CallAction::Begin;
  Guard.Rules.push_back(Begin);
  ExportedFunction User = function("user");
  DeferredCall C = call("Guard::begin", 1, {}, {});
  C.Object = DeferredCall::OtherObject;
  User.Calls.push_back(C);
  MergedSummaries M = mergeSummaries({{Guard, User}});
  EXPECT_EQ(M.Rules.count("user"), 0u);
  EXPECT_EQ(M.Rules["Guard::begin"].size(), 1u);
}

TEST(SummaryRules, FixedSqlKeysLoadAndAreChecked) {
  LibraryRules R;
  std::string Error;
  ASSERT_TRUE(parseRules("library: s\ndialect: postgresql\ncalls:\n"
                         "  - { name: f, action: execute, sql: 'SELECT a FROM "
                         "t WHERE id = {0} AND k = $1', sql_params: [1] }\n",
                         "s.yaml", R, Error))
      << Error;
  ASSERT_EQ(R.Calls.size(), 1u);
  EXPECT_EQ(R.Calls[0].Sql, "SELECT a FROM t WHERE id = {0} AND k = $1");
  EXPECT_EQ(R.Calls[0].SqlParams, std::vector<int>{1});
  EXPECT_FALSE(parseRules("library: s\ndialect: postgresql\ncalls:\n"
                          "  - { name: f, action: execute, sql: 'x {y}' }\n",
                          "s.yaml", R, Error));
  EXPECT_NE(Error.find("s.yaml:4:"), std::string::npos) << Error;
  EXPECT_NE(Error.find("is not '{N}', '{?}' or '{{'"), std::string::npos)
      << Error;
  EXPECT_FALSE(parseRules("library: s\ndialect: postgresql\ncalls:\n"
                          "  - { name: f, action: execute, sql: 'x', sql_arg: "
                          "0 }\n",
                          "s.yaml", R, Error));
  EXPECT_NE(Error.find("'sql' and 'sql_arg' both"), std::string::npos) << Error;
  EXPECT_FALSE(parseRules("library: s\ndialect: postgresql\ncalls:\n"
                          "  - { name: f, action: prepare, sql: 'x' }\n",
                          "s.yaml", R, Error));
}
