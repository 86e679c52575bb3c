//===--- FixLedgerTest.cpp - Which findings keep their fix-its ------------===//

#include "fixes/FixConflicts.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace dbrace;

namespace {

class FixLedgerTest : public ::testing::Test {
protected:
  void SetUp() override {
    AST = tooling::buildASTFromCode(std::string(200, ' ') + "int x;\n");
    ASSERT_TRUE(AST);
  }

  SourceLocation at(unsigned Offset) const {
    const SourceManager &SM = AST->getSourceManager();
    return SM.getLocForStartOfFile(SM.getMainFileID()).getLocWithOffset(Offset);
  }

  FixItHint insertion(unsigned At) const {
    return FixItHint::CreateInsertion(at(At), "x");
  }

  FixItHint replacement(unsigned Begin, unsigned End) const {
    return FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(at(Begin), at(End)), "y");
  }

  /// Whether \p Fixes are kept after the earlier ones.
  bool admitted(std::vector<FixItHint> Fixes) {
    size_t Before = Fixes.size();
    Ledger.admit(Fixes, AST->getASTContext());
    return Fixes.size() == Before;
  }

  std::unique_ptr<ASTUnit> AST;
  fixes::FixLedger Ledger;
};

TEST_F(FixLedgerTest, DisjointEditsAreAllKept) {
  EXPECT_TRUE(admitted({replacement(10, 20)}));
  EXPECT_TRUE(admitted({replacement(20, 30)})); // Touching is not meeting.
  EXPECT_TRUE(admitted({insertion(10)}));       // At an edge of a replacement.
  EXPECT_TRUE(admitted({insertion(40), replacement(50, 60)}));
}

TEST_F(FixLedgerTest, OverlappingReplacementsLoseTheirFixes) {
  EXPECT_TRUE(admitted({replacement(10, 20)}));
  EXPECT_FALSE(admitted({replacement(15, 25)}));
  EXPECT_FALSE(admitted({replacement(5, 11)}));
  EXPECT_FALSE(admitted({replacement(0, 100)}));
  EXPECT_TRUE(admitted({replacement(0, 10)}));
}

TEST_F(FixLedgerTest, OnlyTheNearestEarlierReplacementIsConsulted) {
  for (unsigned Begin = 0; Begin < 100; Begin += 10)
    EXPECT_TRUE(admitted({replacement(Begin, Begin + 5)}));
  EXPECT_FALSE(admitted({insertion(72)}));
  EXPECT_TRUE(admitted({insertion(77)}));
  EXPECT_FALSE(admitted({replacement(86, 92)}));
}

TEST_F(FixLedgerTest, InsertionsMeetAtOnePlaceOrInsideReplacedText) {
  EXPECT_TRUE(admitted({insertion(30)}));
  EXPECT_FALSE(admitted({insertion(30)}));
  EXPECT_FALSE(admitted({replacement(25, 35)}));
  EXPECT_TRUE(admitted({replacement(30, 35)}));
}

TEST_F(FixLedgerTest, AFindingWhoseOwnEditsMeetKeepsNone) {
  EXPECT_FALSE(admitted({replacement(10, 20), insertion(15)}));
  // Nothing of the refused finding was taken.
  EXPECT_TRUE(admitted({replacement(12, 18)}));
}

} // namespace
