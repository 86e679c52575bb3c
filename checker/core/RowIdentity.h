//===--- RowIdentity.h - Which WHERE equalities name a row ----------------===//
//
// Without a schema, every equality a WHERE clause compares may be part of
// the row's key. With one (`--schema`), a table's primary and unique keys
// are known: only their columns tell one row from another, and an equality
// on any other column is a condition on the row's contents, which a write
// can re-assert to protect itself.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_ROWIDENTITY_H
#define DBRACE_CORE_ROWIDENTITY_H

#include "Events.h"
#include "sql/Schema.h"

namespace dbrace {

/// How the values two equalities on one column are bound relate, as far as
/// the code shows: two literals, or two parameters bound to C++ variables.
enum class BoundValues { Same, Different, Unknown };

BoundValues boundValues(const DbEvent &A, const sqlfacts::KeyComparison &AK,
                        const DbEvent &B, const sqlfacts::KeyComparison &BK);

/// Whether \p Column of \p Table may tell one row from another: any column
/// when \p Schema is null or does not declare the table's keys, otherwise
/// only the columns of its primary and unique keys.
bool mayIdentifyRows(const sqlfacts::Schema *Schema, llvm::StringRef Table,
                     llvm::StringRef Column);

/// With a schema that declares \p Table's keys: whether \p Write's WHERE
/// repeats an equality of \p Read's WHERE on a column outside every key,
/// bound to the same value (`... AND used = false` in both): the write then
/// only changes the row while the condition the read found it by holds.
bool reassertsReadCondition(const sqlfacts::Schema *Schema,
                            llvm::StringRef Table, const DbEvent &Read,
                            const DbEvent &Write);

} // namespace dbrace

#endif // DBRACE_CORE_ROWIDENTITY_H
