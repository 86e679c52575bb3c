//===--- MergeRulesTest.cpp - Rules-format YAML files joined into one -----===//

#include "MergeRules.h"
#include "gtest/gtest.h"

using namespace dbrace::tool;

namespace {

std::string merged(std::vector<RulesText> Inputs) {
  llvm::Expected<std::string> Text = mergeRulesTexts(Inputs);
  if (!Text)
    return "error: " + llvm::toString(Text.takeError());
  return *Text;
}

TEST(MergeRulesTest, ListsJoinedSortedWithoutDuplicates) {
  RulesText A{"a.yaml", "library: s\ncalls:\n  - { name: b, action: execute }\n"
                        "  - { name: a, action: execute }\n"};
  RulesText B{"b.yaml", "calls:\n  - { name: a, action: execute }\n"
                        "types:\n  - { name: T, role: transaction }\n"
                        "library: s\n"};
  std::string Expected = "calls:\n"
                         "  - { name: a, action: execute }\n"
                         "  - { name: b, action: execute }\n"
                         "library: s\n"
                         "types:\n"
                         "  - { name: T, role: transaction }\n";
  EXPECT_EQ(merged({A, B}), Expected);
  EXPECT_EQ(merged({B, A}), Expected);
  EXPECT_EQ(merged({{"m.yaml", Expected}}), Expected);
}

TEST(MergeRulesTest, MappingsMergeAndScalarsMustAgree) {
  RulesText A{"a.yaml", "fixes:\n  lock_clause: FOR UPDATE\n"};
  RulesText B{"b.yaml", "fixes:\n  begin_statement: 'BEGIN'\n"};
  EXPECT_EQ(merged({A, B}), "fixes:\n  begin_statement: 'BEGIN'\n"
                            "  lock_clause: FOR UPDATE\n");
  RulesText C{"c.yaml", "fixes:\n  lock_clause: FOR SHARE\n"};
  EXPECT_EQ(merged({A, C}),
            "error: c.yaml:2:16: error: 'lock_clause' is FOR SHARE here but "
            "FOR UPDATE at a.yaml:2:16");
}

TEST(MergeRulesTest, QuotingSurvives) {
  RulesText A{"a.yaml", "calls:\n  - { name: 'x::y', sql: \"it's\", n: 3, "
                        "s: '3', e: '' }\n"};
  EXPECT_EQ(merged({A}), "calls:\n  - { name: 'x::y', sql: 'it''s', n: 3, "
                         "s: '3', e: '' }\n");
}

TEST(MergeRulesTest, BadInputsNameTheirPlace) {
  EXPECT_EQ(merged({{"l.yaml", "- a\n- b\n"}}).substr(0, 20),
            "error: l.yaml:1:1: e");
  std::string Broken = merged({{"x.yaml", "calls:\n  - { name: x\n"}});
  EXPECT_EQ(Broken.substr(0, 15), "error: x.yaml:2") << Broken;
  EXPECT_EQ(merged({{"e.yaml", ""}}), "");
}

} // namespace
