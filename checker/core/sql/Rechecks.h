//===--- Rechecks.h - Whether a write re-asserts what a read decided ------===//
//
// A conditional write (`UPDATE ... WHERE id = $1 AND seats > 0`) whose
// affected-row count is checked is safe without a lock, but only when its
// WHERE re-asserts the value an earlier read decided on. Names say nothing
// here: an equality on a column the read found its row by is the row's key
// (`site_id = $2 AND label = $3`), whatever it is called.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SQL_RECHECKS_H
#define DBRACE_CORE_SQL_RECHECKS_H

#include "sql/Schema.h"
#include "sql/SqlFacts.h"

namespace dbrace::sqlfacts {

/// Whether \p Write's WHERE re-asserts what \p Read returned: a condition
/// other than an equality on a column the read returned (`seats > 0`), an
/// equality on a column the read returned but did not find its row by
/// (`status = 'open'`), or an equality on a column the write advances from
/// its own value (`SET version = version + 1 ... AND version = $3`). With
/// \p Read unknown (null, or facts from the tokenizer), conditions count
/// and equalities count only where the write advances their column. With
/// \p Keys, the schema's keys of the written table, an equality on a column
/// of a key names the row and re-asserts nothing (`SELECT id, used ...`
/// then `UPDATE ... WHERE id = $1`).
bool rechecks(const StatementFacts *Read, const StatementFacts &Write,
              const TableKeys *Keys = nullptr);

/// Whether \p Write changes no column \p Read returned and re-asserts, in
/// its WHERE, each column it changes (`SELECT expired ...`, then `UPDATE ...
/// SET used = true WHERE code = $1 AND NOT used`). With its row count
/// checked, of two requests that both pass the read's check only one
/// changes the row, and neither changes what the other's check read.
bool checksWhatItChanges(const StatementFacts &Read,
                         const StatementFacts &Write);

/// Whether \p Read tells only which row \p Write then changes: it finds
/// its row by parameters alone (no literal, no other condition) and returns
/// nothing but whether the row exists or columns \p Write finds its row by
/// (`SELECT id ... WHERE email = $1`, then `UPDATE ... WHERE id = $1`). A
/// concurrent change of the row's contents is then not lost, provided the
/// write's values do not come from the read either.
bool decidesOnlyWhichRow(const StatementFacts &Read,
                         const StatementFacts &Write);

/// Whether two table names, folded as their dialect folds them, name one
/// table: equal, or one unqualified and the other's last part (`events` and
/// `public.events` under the default search path).
bool sameTable(llvm::StringRef A, llvm::StringRef B);

} // namespace dbrace::sqlfacts

#endif // DBRACE_CORE_SQL_RECHECKS_H
