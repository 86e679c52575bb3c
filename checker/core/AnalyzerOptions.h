//===--- AnalyzerOptions.h - What the user can tell the analysis ----------===//

#ifndef DBRACE_CORE_ANALYZEROPTIONS_H
#define DBRACE_CORE_ANALYZEROPTIONS_H

#include "Events.h"
#include "sql/Schema.h"
#include <memory>
#include <optional>
#include <string>

namespace dbrace {

enum class EntityMatching { Table, Row };

struct AnalyzerOptions {
  /// The session isolation is set to SERIALIZABLE elsewhere.
  bool AssumeSerializable = false;
  EntityMatching Matching = EntityMatching::Row;
  /// Replaces the rules' lock clause in fix-its (`FOR NO KEY UPDATE`) on
  /// reads whose dialect has that clause (sqlfacts::isLockClause).
  std::string LockClause;
  /// Parses every library's SQL in this dialect instead of the rules'.
  std::optional<sqlfacts::Dialect> Dialect;
  /// The tables' unique keys, from `--schema`; null without one.
  std::shared_ptr<const sqlfacts::Schema> Schema;
};

/// The dialect \p E's SQL is in: the option's, else the one the code
/// names or the text reads in (SqlDialect), else its library's.
inline sqlfacts::Dialect dialectOf(const DbEvent &E,
                                   const AnalyzerOptions &Options) {
  if (Options.Dialect)
    return *Options.Dialect;
  if (E.SqlDialect)
    return *E.SqlDialect;
  return E.Library ? E.Library->Dialect : sqlfacts::Dialect::PostgreSQL;
}

} // namespace dbrace

#endif // DBRACE_CORE_ANALYZEROPTIONS_H
