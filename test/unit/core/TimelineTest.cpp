//===--- TimelineTest.cpp - Each fact as the two requests that collide ----===//

#include "Timeline.h"
#include "Analyzer.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace dbrace;
using timeline::Request;
using timeline::StepKind;

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
};
}
void f(lib::Conn &c, int a) {
  lib::Row r = c.query("SELECT n FROM t WHERE id = $1", a);
  if (r.get() > 1)
    c.run("UPDATE t SET n = n - 1 WHERE id = $1", a);
}
)";

class Recorder : public timeline::Sink {
public:
  void add(timeline::Timeline T) override { Timelines.push_back(std::move(T)); }
  std::vector<timeline::Timeline> Timelines;
};

class TimelineTest : public ::testing::Test {
protected:
  void SetUp() override {
    LibraryRules L;
    std::string Error;
    ASSERT_TRUE(parseRules(Rules, "layer.yaml", L, Error)) << Error;
    Model.add(std::move(L));
    AST = tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
    ASSERT_TRUE(AST);
  }
  void TearDown() override { timeline::setSink(nullptr); }

  void analyse(const char *Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST->getASTContext());
    ASSERT_FALSE(Found.empty());
    Analyzer A(AST->getASTContext(), Model, AnalyzerOptions());
    A.analyze(Found.front().getNodeAs<FunctionDecl>("f"));
  }

  ApiModel Model;
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(TimelineTest, BothRequestsReadBeforeEitherWrites) {
  Recorder R;
  timeline::setSink(&R);
  analyse("f");
  ASSERT_EQ(R.Timelines.size(), 1u);
  const timeline::Timeline &T = R.Timelines.front();
  EXPECT_EQ(T.Kind, timeline::FactKind::Race);
  EXPECT_EQ(T.Form, timeline::Shape::NoTransaction);
  EXPECT_EQ(T.Reported.Line, 10u);
  EXPECT_EQ(T.Write.Line, 12u);
  EXPECT_EQ(T.Table, "t");
  std::vector<std::pair<Request, StepKind>> Order;
  for (const timeline::Step &S : T.Steps)
    Order.push_back({S.Who, S.Kind});
  EXPECT_EQ(Order, (std::vector<std::pair<Request, StepKind>>{
                       {Request::A, StepKind::Read},
                       {Request::B, StepKind::Read},
                       {Request::A, StepKind::Check},
                       {Request::A, StepKind::Write},
                       {Request::B, StepKind::Check},
                       {Request::B, StepKind::Write},
                       {Request::B, StepKind::Outcome}}));
  EXPECT_EQ(T.Steps[0].Sql, "SELECT n FROM t WHERE id = $1");
  EXPECT_EQ(T.Steps[0].Values, "r");
  EXPECT_EQ(T.Steps[2].Condition, "r.get() > 1");
  EXPECT_EQ(T.Steps[2].Holds, std::optional<bool>(true));
  EXPECT_EQ(T.Steps[3].Sql, "UPDATE t SET n = n - 1 WHERE id = $1");
  ASSERT_EQ(T.Fixed.size(), 1u);
  EXPECT_EQ(T.Fixed[0].Kind, StepKind::Waits);
  EXPECT_EQ(T.Fixed[0].At.Line, 10u);
}

TEST_F(TimelineTest, NothingIsBuiltWithoutASink) {
  Recorder R;
  analyse("f");
  EXPECT_TRUE(R.Timelines.empty());
}

TEST(DisplaySql, HolesAreNumberedAfterTheStatementsOwnPlaceholders) {
  RecoveredSql Sql;
  Sql.Text = "SELECT a FROM t\n   WHERE id = $1001 AND k = $2 AND m = $1002";
  EXPECT_EQ(timeline::displaySql(Sql),
            "SELECT a FROM t WHERE id = $3 AND k = $2 AND m = $4");
  Sql.Text = "UPDATE t SET n = 0 WHERE id = $1001";
  EXPECT_EQ(timeline::displaySql(Sql), "UPDATE t SET n = 0 WHERE id = $1");
}

} // namespace
