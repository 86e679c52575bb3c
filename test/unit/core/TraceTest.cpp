//===--- TraceTest.cpp - What the analysis records for --explain ----------===//

#include "Analyzer.h"
#include "Statistics.h"
#include "Trace.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace dbrace;

namespace {

const char Rules[] = R"(library: layer
dialect: postgresql
calls:
  - { name: lib::Conn::query, action: execute, sql_arg: 0, params_from: 1 }
  - { name: lib::Conn::run, action: execute, sql_arg: 0, params_from: 1 }
)";

const char Code[] = R"(
namespace lib {
struct Row { int get() const; };
struct Conn {
  Row query(const char *sql, int key);
  long run(const char *sql, int key);
  void ping();
};
}
const char *unknown();
void f(lib::Conn &c, int a, int b) {
  lib::Row r = c.query("SELECT n FROM t WHERE id = $1", a);
  if (r.get() > 0)
    c.run("UPDATE t SET n = 1 WHERE id = $1", b);
  if (r.get() > 1)
    c.run("UPDATE t SET n = n - 1 WHERE id = $1", a);
  c.run(unknown(), a);
  c.run("UPDAT t", a);
  c.ping();
}
int g(int x) { return x; }
)";

class Recorder : public trace::Sink {
public:
  bool wants(const FunctionDecl *, const SourceManager &) override {
    return true;
  }
  void add(trace::Function F) override { Functions.push_back(std::move(F)); }
  std::vector<trace::Function> Functions;
};

class TraceTest : public ::testing::Test {
protected:
  void SetUp() override {
    LibraryRules L;
    std::string Error;
    ASSERT_TRUE(parseRules(Rules, "layer.yaml", L, Error)) << Error;
    Model.add(std::move(L));
    AST = tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
    ASSERT_TRUE(AST);
  }
  void TearDown() override { trace::setSink(nullptr); }

  const FunctionDecl *function(llvm::StringRef Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST->getASTContext());
    return Found.empty() ? nullptr
                         : Found.front().getNodeAs<FunctionDecl>("f");
  }

  /// \p Name's trace, analysed by a new analyzer.
  trace::Function traced(llvm::StringRef Name) {
    Recorder R;
    trace::setSink(&R);
    Analyzer A(AST->getASTContext(), Model, AnalyzerOptions());
    A.analyze(function(Name));
    trace::setSink(nullptr);
    EXPECT_EQ(R.Functions.size(), 1u);
    return R.Functions.empty() ? trace::Function() : R.Functions.front();
  }

  ApiModel Model;
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(TraceTest, CallsCarryTheirRuleAndWhatBecameOfTheirSql) {
  trace::Function F = traced("f");
  EXPECT_EQ(F.Name, "f");
  EXPECT_EQ(F.Status, trace::FunctionStatus::Analysed);
  ASSERT_EQ(F.Calls.size(), 6u);
  std::vector<trace::SqlStatus> Sql;
  for (const trace::Call &C : F.Calls)
    Sql.push_back(C.Sql);
  EXPECT_EQ(Sql, (std::vector<trace::SqlStatus>{
                     trace::SqlStatus::Parsed, trace::SqlStatus::Parsed,
                     trace::SqlStatus::Parsed, trace::SqlStatus::NotRecovered,
                     trace::SqlStatus::NotParsed,
                     trace::SqlStatus::NoSqlArgument}));
  ASSERT_EQ(F.Calls[0].Rules.size(), 1u);
  EXPECT_EQ(F.Calls[0].Rules[0].Name, "lib::Conn::query");
  EXPECT_EQ(F.Calls[0].Rules[0].RulesFile, "layer.yaml");
  EXPECT_EQ(F.Calls[0].Rules[0].Action, CallAction::Execute);
  EXPECT_EQ(F.Calls[3].SqlSource, "unknown()");
  EXPECT_NE(F.Calls[4].ParseError.find("UPDAT"), std::string::npos);
  EXPECT_TRUE(F.Calls[4].Events.empty());
  EXPECT_EQ(F.Calls[5].How, trace::Recognition::Unmatched);
  EXPECT_EQ(F.Calls[5].Callee, "lib::Conn::ping");
}

TEST_F(TraceTest, PairsCarryTheirVerdict) {
  trace::Function F = traced("f");
  ASSERT_EQ(F.Pairs.size(), 2u);
  EXPECT_EQ(F.Pairs[0].Verdict, trace::PairVerdict::DifferentRows);
  EXPECT_EQ(F.Pairs[0].WriteAt.Line, 14u);
  EXPECT_EQ(F.Pairs[1].Verdict, trace::PairVerdict::Race);
  EXPECT_EQ(F.Pairs[1].Protected, Protection::None);
  EXPECT_EQ(F.Pairs[1].Table, "t");
  EXPECT_EQ(F.Pairs[1].CheckAt.Line, 15u);
  ASSERT_EQ(F.Events.size(), 3u);
  ASSERT_TRUE(F.Events[0].Before);
  EXPECT_EQ(F.Events[0].Before->Tx, trace::TxState::None);
}

TEST_F(TraceTest, AFunctionWithoutEventsIsTracedWithNoCalls) {
  trace::Function F = traced("g");
  EXPECT_EQ(F.Status, trace::FunctionStatus::NoEvents);
  EXPECT_TRUE(F.Calls.empty());
}

TEST_F(TraceTest, StatementsNotUnderstoodAreCountedOncePerPlace) {
  // A file of its own: the other tests counted the places of theirs.
  AST = tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"}, "counted.cc");
  unsigned Before = statementsNotUnderstood();
  for (int Run = 0; Run < 2; ++Run) {
    Analyzer A(AST->getASTContext(), Model, AnalyzerOptions());
    A.analyze(function("f"));
  }
  EXPECT_EQ(statementsNotUnderstood(), Before + 2);
}

TEST_F(TraceTest, NothingIsRecordedWithoutASink) {
  Analyzer A(AST->getASTContext(), Model, AnalyzerOptions());
  A.analyze(function("f"));
  EXPECT_EQ(trace::sink(), nullptr);
}

} // namespace
