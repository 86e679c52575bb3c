//===--- CodeScanningHashTest.cpp - primaryLocationLineHash ---------------===//
//
// The expected values are the ones GitHub publishes with its own
// implementation (github/codeql-action, src/fingerprints.test.ts), so these
// tests pin dbrace's fingerprints to what code scanning computes.
//
//===----------------------------------------------------------------------===//

#include "CodeScanningHash.h"
#include "gtest/gtest.h"

using dbrace::tool::codeScanningLineHashes;
using Hashes = std::vector<std::string>;

TEST(CodeScanningHash, EmptyFileHasOneLine) {
  EXPECT_EQ(codeScanningLineHashes(""), Hashes{"c129715d7a2bc9a3:1"});
}

TEST(CodeScanningHash, BlanksAndTabsDoNotCount) {
  EXPECT_EQ(codeScanningLineHashes(" a\nb\n  \t\tc\n d"),
            (Hashes{"271789c17abda88f:1", "54703d4cd895b18:1",
                    "180aee12dab6264:1", "a23a3dc5e078b07b:1"}));
}

TEST(CodeScanningHash, EveryLineEndingIsTheSame) {
  Hashes Expected{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1",
                  "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                  "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
                  "c129715d7a2bc9a3:1"};
  EXPECT_EQ(codeScanningLineHashes(
                " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"),
            Expected);
  EXPECT_EQ(codeScanningLineHashes(
                " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r"),
            Expected);
  EXPECT_EQ(codeScanningLineHashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  "
                                   "\t\tGreetings\r\n End\r\n"),
            Expected);
  EXPECT_EQ(codeScanningLineHashes(
                " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"),
            Expected);
}

TEST(CodeScanningHash, NoFinalLineBreak) {
  EXPECT_EQ(codeScanningLineHashes(
                " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
            (Hashes{"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1",
                    "bff680108adb0fcc:1", "c6805c5e1288b612:1",
                    "b86d3392aea1be30:1", "e6ceba753e1a442:1"}));
}

TEST(CodeScanningHash, RepeatedLinesAreNumbered) {
  std::string Text;
  for (int I = 0; I < 10; ++I)
    Text += "Lorem ipsum dolor sit amet.\n";
  EXPECT_EQ(codeScanningLineHashes(Text),
            (Hashes{"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2",
                    "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
                    "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6",
                    "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
                    "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1",
                    "c129715d7a2bc9a3:1"}));
}

// Not in GitHub's published cases; the values agree with the test suite's
// independent Python version (test/driver/Inputs/line_hash.py).
TEST(CodeScanningHash, NonAsciiIsHashedAsUtf16) {
  // U+00E9 is one unit, U+1F600 two, a byte that starts nothing U+FFFD.
  EXPECT_EQ(codeScanningLineHashes("\xC3\xA9\n\xF0\x9F\x98\x80\n\xFF\n"),
            (Hashes{"5c1c528a5a79c2f8:1", "3978670c93393171:1",
                    "a88b3c201b7e6ebe:1", "c129715d7a2bc9a3:1"}));
  // A truncated sequence is one U+FFFD, and the byte after it is kept.
  EXPECT_EQ(codeScanningLineHashes("a\xE2\x82" "b\n"),
            (Hashes{"9f7bd17d959811b9:1", "c129715d7a2bc9a3:1"}));
}
