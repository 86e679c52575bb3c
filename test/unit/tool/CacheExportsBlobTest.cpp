//===--- CacheExportsBlobTest.cpp - Exported summaries in a cache entry ---===//

#include "CacheExportsBlob.h"
#include "SummaryMerge.h"
#include "gtest/gtest.h"

using namespace dbrace;
using namespace dbrace::tool;

namespace {

/// A unit whose every field the blob keeps differs from its default.
UnitExports sampleUnit() {
  ExportedFunction F;
  F.Key = "Dao::reserve";
  F.Name = "Dao::reserve";
  F.Visible = true;
  F.Destructor = true;
  F.Signature = "int;const char *;";

  ExportedRule Read;
  Read.Rule.Name = "Dao::reserve";
  Read.Rule.Action = CallAction::Execute;
  Read.Rule.Sql = "SELECT seats FROM events WHERE id = {0}";
  Read.Rule.SqlParams = {-1, 1};
  Read.Rule.Result = ResultKind::Argument;
  Read.Rule.ResultArgs = {2, 3};
  Read.Rule.ReturnsRowCount = false;
  Read.Rule.DecidesWrites = true;
  Read.Rule.ConnectionArg = 1;
  Read.Order = 120;
  Read.Dialect = sqlfacts::Dialect::MySQL;
  Read.LockClause = "FOR UPDATE";

  ExportedRule Begin;
  Begin.Rule.Action = CallAction::Begin;
  Begin.Rule.SqlArg = 0;
  Begin.Rule.IsolationLevel = sqlfacts::Isolation::Serializable;
  Begin.Rule.Mode = sqlfacts::BeginMode::Immediate;
  Begin.Rule.Chain = true;

  ExportedRule Write;
  Write.Rule.Action = CallAction::Write;
  Write.Rule.Entity = "bookings";
  Write.Rule.KeyArgs = {0, 2};
  Write.Rule.WriteKind = sqlfacts::StatementKind::Insert;
  Write.Rule.Versioned = true;
  Write.Rule.ValueArg = 4;
  Write.Rule.ReturnsWhat = Returns::Object;
  F.Rules = {Read, Begin, Write};

  DeferredCall C;
  C.Callee = "Database::storeQuery";
  C.Order = 77;
  C.Object = DeferredCall::OwnObject;
  C.ArgParams = {-1, 0};
  C.ArgSql = {std::string("SELECT 1 WHERE id = {0}"), std::nullopt};
  C.Returned = true;
  F.Calls = {C};
  F.LambdaCallees = {"seats::take", "audit@a.cpp"};

  ExportedFunction Empty;
  Empty.Key = "helper@a.cpp";
  return {{"/src/a.cpp", F}, {"/src/a.cpp", Empty}};
}

std::string encoded(const UnitExports &Unit) {
  BlobWriter Out;
  writeExports(Out, Unit);
  return Out.take();
}

TEST(CacheExportsBlobTest, KeepsEveryFieldTheExportFills) {
  UnitExports Unit = sampleUnit();
  std::string Blob = encoded(Unit);
  BlobReader In(Blob);
  UnitExports Back;
  ASSERT_TRUE(readExports(In, Back));
  EXPECT_TRUE(In.atEnd());
  // The same bytes again, and the same summaries file from both.
  EXPECT_EQ(Blob, encoded(Back));
  ASSERT_EQ(Back.size(), 2u);
  EXPECT_EQ(Back[0].first, "/src/a.cpp");
  const ExportedFunction &F = Back[0].second;
  EXPECT_TRUE(F.Visible);
  EXPECT_TRUE(F.Destructor);
  ASSERT_EQ(F.Rules.size(), 3u);
  EXPECT_EQ(F.Rules[0].Dialect, sqlfacts::Dialect::MySQL);
  EXPECT_EQ(F.Rules[0].Rule.SqlParams, (std::vector<int>{-1, 1}));
  EXPECT_EQ(F.Rules[1].Rule.SqlArg, 0u);
  EXPECT_FALSE(F.Rules[0].Rule.SqlArg.has_value());
  EXPECT_EQ(F.Rules[2].Rule.ValueArg, 4u);
  EXPECT_TRUE(F.Rules[0].Rule.DecidesWrites);
  EXPECT_EQ(F.Rules[0].Rule.ConnectionArg, 1u);
  EXPECT_FALSE(F.Rules[1].Rule.ConnectionArg.has_value());
  ASSERT_EQ(F.Calls.size(), 1u);
  EXPECT_EQ(F.Calls[0].Object, DeferredCall::OwnObject);
  EXPECT_FALSE(F.Calls[0].ArgSql[1].has_value());
  EXPECT_EQ(F.LambdaCallees,
            (std::vector<std::string>{"seats::take", "audit@a.cpp"}));

  auto Summaries = [](const UnitExports &U) {
    std::vector<ExportedFunction> Functions;
    for (const auto &Entry : U)
      Functions.push_back(Entry.second);
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    writeSummaries(mergeSummaries({Functions}), OS);
    return Text;
  };
  EXPECT_EQ(Summaries(Unit), Summaries(Back));
}

TEST(CacheExportsBlobTest, ACutBlobDoesNotRead) {
  std::string Blob = encoded(sampleUnit());
  for (size_t Size : {size_t(0), size_t(3), Blob.size() / 2, Blob.size() - 1}) {
    BlobReader In(llvm::StringRef(Blob).take_front(Size));
    UnitExports Back;
    EXPECT_FALSE(readExports(In, Back)) << "cut at " << Size;
  }
}

} // namespace
