//===--- MergeRules.h - Rules-format YAML files joined into one -----------===//
//
// Pass-1 summaries are rules files ("summaries are rules", DESIGN.md), so
// joining the summaries of shards, or of cached translation units, is
// joining rules files: the lists (`calls:`, `types:`, ...) of every input
// concatenated, duplicates dropped, in an order that does not depend on
// which input an entry came from (sorted by its text), so that shards merged
// equal one run; scalars (`library:`, `dialect:`) and mappings (`fixes:`)
// must agree where several inputs set them. The function knows no key of
// the format, so keys added later merge the same way.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_MERGERULES_H
#define DBRACE_TOOL_MERGERULES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace dbrace::tool {

struct RulesText {
  std::string Name; ///< For errors: the file, or what the text came from.
  std::string Text;
};

/// The YAML of \p Inputs joined, or an error `name:line:column: ...`
/// naming the input that does not parse or disagrees with an earlier one.
llvm::Expected<std::string> mergeRulesTexts(llvm::ArrayRef<RulesText> Inputs);

/// Whether `dbrace merge` should read \p Path as a rules file (`.yaml`,
/// `.yml`) rather than a report.
bool isRulesFile(llvm::StringRef Path);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_MERGERULES_H
