//===--- NestingDepth.h - Refusing hostile nesting before parsing ---------===//
//
// LLVM's JSON parser and YAML I/O recurse once per level of nesting, so a
// rules file or baseline nested tens of thousands of levels deep overflows
// the stack. These scans find such input without recursing, so the loaders
// can refuse it with a line number instead of crashing.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_NESTINGDEPTH_H
#define DBRACE_CORE_NESTINGDEPTH_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace dbrace {

/// Deeper than any real rules file or baseline, shallow enough for any stack.
constexpr unsigned MaxNestingDepth = 128;

/// The 1-based line of the first JSON array or object nested deeper than
/// \p MaxDepth, if any.
std::optional<unsigned>
lineNestedTooDeepJson(llvm::StringRef Json,
                      unsigned MaxDepth = MaxNestingDepth);

/// The same for YAML, flow and block collections alike.
std::optional<unsigned>
lineNestedTooDeepYaml(llvm::StringRef Yaml,
                      unsigned MaxDepth = MaxNestingDepth);

} // namespace dbrace

#endif // DBRACE_CORE_NESTINGDEPTH_H
