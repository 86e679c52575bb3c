//===--- FixedSql.h - The `sql:` text of a rule ---------------------------===//
//
// A rule may fix the SQL a call runs (a summarised function of the
// project's own that always runs one statement). Its text holds `{N}`
// where argument N's value was written into it (`"... WHERE id = " << id`)
// and `{?}` where some other value was; `{{` is a brace.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_FIXEDSQL_H
#define DBRACE_CORE_FIXEDSQL_H

#include "ApiModel.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace dbrace {

/// A run of a fixed text: text, or a value written into it.
struct FixedSqlPart {
  std::string Text; ///< When Value is Literal.
  static constexpr int Literal = -2, Unknown = -1;
  int Value = Literal; ///< The argument number, Unknown or Literal.
};

/// The parts of \p Text; false with \p Error set when a brace is not
/// `{N}`, `{?}` or `{{`.
bool parseFixedSql(llvm::StringRef Text, std::vector<FixedSqlPart> &Parts,
                   std::string &Error);

/// \p Text with its braces doubled, for writing literal text into `sql:`.
std::string escapeFixedSql(llvm::StringRef Text);

/// A rule's `sql:` and `sql_params:` make sense together.
std::string checkFixedSql(const CallRule &R);

} // namespace dbrace

#endif // DBRACE_CORE_FIXEDSQL_H
