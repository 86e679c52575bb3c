//===--- Schema.h - Unique keys from the DDL a user gives -------*- C++ -*-===//
//
// With `--schema`, the tables' primary and unique keys are known rather than
// guessed: a check-then-insert on columns a unique key covers then fails
// under a race instead of duplicating the row. DDL is read with libpg_query;
// SQLite's and MySQL's DDL is normalised first (back-ticks, AUTO_INCREMENT,
// KEY lines, table options).
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SQL_SCHEMA_H
#define DBRACE_CORE_SQL_SCHEMA_H

#include "sql/SqlFacts.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace::sqlfacts {

/// One table's keys: each primary or unique key as its columns, in the
/// order declared.
struct TableKeys {
  std::string Table; ///< Schema-qualified where written, folded.
  std::vector<std::vector<std::string>> UniqueKeys;

  /// Whether \p Column is part of a primary or unique key.
  bool inUniqueKey(llvm::StringRef Column) const {
    for (const std::vector<std::string> &Key : UniqueKeys)
      for (const std::string &C : Key)
        if (C == Column)
          return true;
    return false;
  }
};

class Schema {
public:
  /// Records a unique key (a primary key is one too); a key already known
  /// is not added twice.
  void addUniqueKey(llvm::StringRef Table, std::vector<std::string> Columns);

  /// The keys of \p Table (`events` and `public.events` are one table);
  /// null when the schema does not declare it.
  const TableKeys *keysOf(llvm::StringRef Table) const;

  /// The first unique key of \p Table all of whose columns are in
  /// \p Columns.
  std::optional<std::vector<std::string>>
  uniqueKeyWithin(llvm::StringRef Table,
                  const std::vector<std::string> &Columns) const;

  const std::vector<TableKeys> &tables() const { return Tables; }

private:
  std::vector<TableKeys> Tables;
};

/// Adds the keys that \p Text, the DDL of file \p File, declares to \p Into:
/// `CREATE TABLE` (column and table constraints `PRIMARY KEY`, `UNIQUE`),
/// `CREATE UNIQUE INDEX` (on columns, not partial), `ALTER TABLE ... ADD
/// [CONSTRAINT x] PRIMARY KEY|UNIQUE`. Other statements are skipped. Empty
/// when it was read; otherwise `FILE:LINE: error: ...` for the first of
/// those statements that no dialect's parser reads.
std::string readSchema(llvm::StringRef Text, llvm::StringRef File,
                       Schema &Into);

namespace detail {
/// \p Statement with what PostgreSQL's parser refuses in \p D's DDL blanked
/// out (offsets and lines kept): AUTO_INCREMENT, UNSIGNED, `int(11)`'s
/// width, COMMENT, CHARACTER SET, COLLATE, ON UPDATE CURRENT_TIMESTAMP,
/// MySQL's `KEY`/`INDEX` lines and table options, SQLite's AUTOINCREMENT,
/// ON CONFLICT clauses and WITHOUT ROWID.
std::string blankForeignDdl(llvm::StringRef Statement, Dialect D);
} // namespace detail

} // namespace dbrace::sqlfacts

#endif // DBRACE_CORE_SQL_SCHEMA_H
