//===--- CacheTimelinesBlobTest.cpp - Timelines in a cache entry ----------===//

#include "CacheTimelinesBlob.h"
#include "gtest/gtest.h"

using namespace dbrace;
using namespace dbrace::timeline;
using namespace dbrace::tool;

namespace {

trace::Place place(unsigned Line) { return {"/src/a.cpp", Line * 40, Line, 3}; }

/// Every field the blob keeps set away from its default.
std::vector<Timeline> sample() {
  Step Read;
  Read.Who = Request::B;
  Read.Kind = StepKind::Read;
  Read.At = place(5);
  Read.Sql = "SELECT seats FROM events WHERE id = $1";
  Read.Code = "w.exec(q)";
  Read.Values = "seats";
  Read.Condition = "seats > 0";
  Read.Holds = false;
  Read.Helper = "loadSeats";
  Read.InHelper = place(2);
  Read.CallerTransaction = true;
  Read.ScopeEnd = true;
  Step Check;
  Check.Kind = StepKind::Check;
  Check.Holds = true;
  Timeline T;
  T.Kind = FactKind::SlowCall;
  T.Form = Shape::ReadOutside;
  T.Reported = place(5);
  T.Write = place(9);
  T.Written = WriteShape::Insert;
  T.Consumed = true;
  T.Steps = {Read, Check, Step()};
  T.Fixed = {Check};
  T.Table = "events";
  T.FunctionBegin = place(3);
  T.FunctionEnd = place(12);
  T.Function = "book";
  return {T, Timeline()};
}

std::string encoded(const std::vector<Timeline> &All) {
  BlobWriter Out;
  writeTimelines(Out, All);
  return Out.take();
}

TEST(CacheTimelinesBlobTest, KeepsEveryField) {
  std::string Blob = encoded(sample());
  BlobReader In(Blob);
  std::vector<Timeline> Back;
  ASSERT_TRUE(readTimelines(In, Back));
  EXPECT_TRUE(In.atEnd());
  EXPECT_EQ(Blob, encoded(Back));
  ASSERT_EQ(Back.size(), 2u);
  ASSERT_EQ(Back[0].Steps.size(), 3u);
  EXPECT_EQ(Back[0].Steps[0].Holds, std::optional<bool>(false));
  EXPECT_EQ(Back[0].Steps[1].Holds, std::optional<bool>(true));
  EXPECT_FALSE(Back[0].Steps[2].Holds.has_value());
  EXPECT_EQ(Back[0].Steps[0].InHelper.Line, 2u);
  EXPECT_EQ(Back[0].Form, Shape::ReadOutside);
  EXPECT_EQ(Back[0].Function, "book");
}

TEST(CacheTimelinesBlobTest, ACutBlobDoesNotRead) {
  std::string Blob = encoded(sample());
  for (size_t Size : {size_t(0), Blob.size() / 3, Blob.size() - 1}) {
    BlobReader In(llvm::StringRef(Blob).take_front(Size));
    std::vector<Timeline> Back;
    EXPECT_FALSE(readTimelines(In, Back)) << "cut at " << Size;
  }
}

} // namespace
