//===--- UnifiedDiffTest.cpp - The lines a unified diff changes -----------===//

#include "UnifiedDiff.h"
#include "gtest/gtest.h"

using namespace dbrace::tool;

namespace {

std::vector<FileChange> parseOk(llvm::StringRef Diff) {
  llvm::Expected<std::vector<FileChange>> Parsed =
      parseUnifiedDiff(Diff, "test.diff");
  if (!Parsed) {
    ADD_FAILURE() << llvm::toString(Parsed.takeError());
    return {};
  }
  return std::move(*Parsed);
}

std::string parseError(llvm::StringRef Diff) {
  llvm::Expected<std::vector<FileChange>> Parsed =
      parseUnifiedDiff(Diff, "test.diff");
  if (Parsed) {
    ADD_FAILURE() << "parsed a malformed diff";
    return "";
  }
  return llvm::toString(Parsed.takeError());
}

std::vector<LineRange> ranges(std::initializer_list<LineRange> R) {
  return std::vector<LineRange>(R);
}

TEST(UnifiedDiff, HunkHeadersWithAndWithoutCounts) {
  // git diff -U0: an altered line, an added block, a count left out (1).
  auto Files = parseOk("diff --git a/src/shop.cpp b/src/shop.cpp\n"
                       "index 1111111..2222222 100644\n"
                       "--- a/src/shop.cpp\n"
                       "+++ b/src/shop.cpp\n"
                       "@@ -3 +3 @@ int f() {\n"
                       "-  return 1;\n"
                       "+  return 2;\n"
                       "@@ -10,0 +11,3 @@ void g();\n"
                       "+a\n"
                       "+b\n"
                       "+c\n");
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files[0].OldPath, "src/shop.cpp");
  EXPECT_EQ(Files[0].NewPath, "src/shop.cpp");
  EXPECT_FALSE(Files[0].Added || Files[0].Deleted || Files[0].Renamed);
  EXPECT_EQ(Files[0].Lines, ranges({{3, 3}, {11, 13}}));
}

TEST(UnifiedDiff, ContextLinesAreNotChanges) {
  auto Files = parseOk("--- a/x.cpp\n"
                       "+++ b/x.cpp\n"
                       "@@ -1,4 +1,5 @@\n"
                       " one\n"
                       "-two\n"
                       "+TWO\n"
                       "+two and a half\n"
                       " three\n"
                       " four\n");
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files[0].NewPath, "x.cpp");
  // "two" was replaced by lines 2 and 3; its neighbours are unchanged.
  EXPECT_EQ(Files[0].Lines, ranges({{2, 3}}));
}

TEST(UnifiedDiff, PureDeletionTouchesTheLinesAroundIt) {
  auto Files = parseOk("--- a/x.cpp\n"
                       "+++ b/x.cpp\n"
                       "@@ -5,2 +4,0 @@\n"
                       "-  lock();\n"
                       "-  check();\n");
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files[0].Lines, ranges({{4, 5}}));
}

TEST(UnifiedDiff, NewAndDeletedFiles) {
  auto Files = parseOk("diff --git a/new.h b/new.h\n"
                       "new file mode 100644\n"
                       "index 0000000..3333333\n"
                       "--- /dev/null\n"
                       "+++ b/new.h\n"
                       "@@ -0,0 +1,2 @@\n"
                       "+#pragma once\n"
                       "+int f();\n"
                       "diff --git a/old.cpp b/old.cpp\n"
                       "deleted file mode 100644\n"
                       "index 4444444..0000000\n"
                       "--- a/old.cpp\n"
                       "+++ /dev/null\n"
                       "@@ -1,2 +0,0 @@\n"
                       "-int f() {\n"
                       "-}\n");
  ASSERT_EQ(Files.size(), 2u);
  EXPECT_TRUE(Files[0].Added);
  EXPECT_EQ(Files[0].OldPath, "");
  EXPECT_EQ(Files[0].NewPath, "new.h");
  EXPECT_EQ(Files[0].Lines, ranges({{1, 2}}));
  EXPECT_TRUE(Files[1].Deleted);
  EXPECT_EQ(Files[1].OldPath, "old.cpp");
  EXPECT_EQ(Files[1].NewPath, "");
  EXPECT_TRUE(Files[1].Lines.empty());
}

TEST(UnifiedDiff, Renames) {
  // A pure rename has no hunk; a renamed and edited file takes its new name.
  auto Files = parseOk("diff --git a/src/a.cpp b/lib/a.cpp\n"
                       "similarity index 100%\n"
                       "rename from src/a.cpp\n"
                       "rename to lib/a.cpp\n"
                       "diff --git a/src/b.cpp b/src/b2.cpp\n"
                       "similarity index 90%\n"
                       "rename from src/b.cpp\n"
                       "rename to src/b2.cpp\n"
                       "index 5555555..6666666 100644\n"
                       "--- a/src/b.cpp\n"
                       "+++ b/src/b2.cpp\n"
                       "@@ -7 +7 @@\n"
                       "-x\n"
                       "+y\n");
  ASSERT_EQ(Files.size(), 2u);
  EXPECT_TRUE(Files[0].Renamed);
  EXPECT_EQ(Files[0].OldPath, "src/a.cpp");
  EXPECT_EQ(Files[0].NewPath, "lib/a.cpp");
  EXPECT_TRUE(Files[0].Lines.empty());
  EXPECT_TRUE(Files[1].Renamed);
  EXPECT_EQ(Files[1].NewPath, "src/b2.cpp");
  EXPECT_EQ(Files[1].Lines, ranges({{7, 7}}));
}

TEST(UnifiedDiff, NoNewlineAtEndOfFile) {
  auto Files = parseOk("--- a/x.cpp\n"
                       "+++ b/x.cpp\n"
                       "@@ -2 +2,2 @@\n"
                       "-}\n"
                       "\\ No newline at end of file\n"
                       "+}\n"
                       "+int more;\n"
                       "\\ No newline at end of file\n"
                       "--- a/y.cpp\n"
                       "+++ b/y.cpp\n"
                       "@@ -1 +1 @@\n"
                       "-a\n"
                       "+b\n");
  ASSERT_EQ(Files.size(), 2u);
  EXPECT_EQ(Files[0].Lines, ranges({{2, 3}}));
  EXPECT_EQ(Files[1].NewPath, "y.cpp");
  EXPECT_EQ(Files[1].Lines, ranges({{1, 1}}));
}

TEST(UnifiedDiff, BodyLinesThatLookLikeHeaders) {
  // Removing a line "-- x" gives "--- x" inside a hunk; adding "++ y" gives
  // "+++ y": the hunk's counts, not the text, say where the hunk ends.
  auto Files = parseOk("--- a/q.sql\n"
                       "+++ b/q.sql\n"
                       "@@ -1,2 +1,2 @@\n"
                       "--- a comment\n"
                       "+++ another\n"
                       " SELECT 1;\n");
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files[0].NewPath, "q.sql");
  EXPECT_EQ(Files[0].Lines, ranges({{1, 1}}));
}

TEST(UnifiedDiff, PrefixesAndQuoting) {
  // --no-prefix keeps the paths whole; mnemonic prefixes are stripped;
  // git quotes unusual names; plain diff -u ends a name at a tab.
  auto Files = parseOk("diff --git src/x.cpp src/x.cpp\n"
                       "--- src/x.cpp\n"
                       "+++ src/x.cpp\n"
                       "@@ -1 +1 @@\n"
                       "-a\n"
                       "+b\n"
                       "diff --git i/y.cpp w/y.cpp\n"
                       "--- i/y.cpp\n"
                       "+++ w/y.cpp\n"
                       "@@ -1 +1 @@\n"
                       "-a\n"
                       "+b\n"
                       "diff --git \"a/t\\303\\251st \\\"q\\\".cpp\" \"b/t\\303\\251st \\\"q\\\".cpp\"\n"
                       "--- \"a/t\\303\\251st \\\"q\\\".cpp\"\n"
                       "+++ \"b/t\\303\\251st \\\"q\\\".cpp\"\n"
                       "@@ -1 +1 @@\n"
                       "-a\n"
                       "+b\n"
                       "--- old/with space.cpp\t2024-01-01 00:00:00.000000000 +0000\n"
                       "+++ new/with space.cpp\t2024-01-02 00:00:00.000000000 +0000\n"
                       "@@ -1 +1 @@\n"
                       "-a\n"
                       "+b\n");
  ASSERT_EQ(Files.size(), 4u);
  EXPECT_EQ(Files[0].NewPath, "src/x.cpp");
  EXPECT_EQ(Files[1].NewPath, "y.cpp");
  EXPECT_EQ(Files[2].NewPath, "t\xc3\xa9st \"q\".cpp");
  EXPECT_EQ(Files[3].NewPath, "with space.cpp");
}

TEST(UnifiedDiff, CrLfLineEnds) {
  auto Files = parseOk("--- a/x.cpp\r\n"
                       "+++ b/x.cpp\r\n"
                       "@@ -1 +1 @@\r\n"
                       "-a\r\n"
                       "+b\r\n");
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files[0].NewPath, "x.cpp");
  EXPECT_EQ(Files[0].Lines, ranges({{1, 1}}));
}

TEST(UnifiedDiff, EmptyDiffChangesNothing) {
  EXPECT_TRUE(parseOk("").empty());
  // A mode change only: a file, but no line.
  auto Files = parseOk("diff --git a/run.sh b/run.sh\n"
                       "old mode 100644\n"
                       "new mode 100755\n");
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files[0].NewPath, "run.sh");
  EXPECT_TRUE(Files[0].Lines.empty());
}

TEST(UnifiedDiff, MalformedInputNamesTheLine) {
  EXPECT_EQ(parseError("--- a/x.cpp\n"
                       "+++ b/x.cpp\n"
                       "@@ -1 +one @@\n"),
            "test.diff:3: error: malformed hunk header '@@ -1 +one @@'");
  EXPECT_EQ(parseError("--- a/x.cpp\n"
                       "+++ b/x.cpp\n"
                       "@@ -1,3 +1,3 @@\n"
                       " a\n"),
            "test.diff:5: error: the hunk at line 3 ends early: 2 of its "
            "lines are missing");
  EXPECT_EQ(parseError("@@ -1 +1 @@\n"
                       "-a\n"
                       "+b\n"),
            "test.diff:1: error: a hunk before any file header");
}

} // namespace
