//===--- PgTreeFacts.h - Facts from a libpg_query parse tree ---*- C++ -*-===//
//
// Walks the JSON form of one parsed statement and fills the fact record.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SQL_PGTREEFACTS_H
#define DBRACE_CORE_SQL_PGTREEFACTS_H

#include "sql/SqlFacts.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

namespace dbrace::sqlfacts::detail {

/// Fills \p F (kind, tables, lock, keys, sets, guards, ...) from \p Stmt, a
/// node such as {"SelectStmt": {...}}. Locations in the tree are offsets
/// into \p Norm from \p Base; literals are read back from there.
void factsFromPgTree(const llvm::json::Value &Stmt, llvm::StringRef Norm,
                     size_t Base, StatementFacts &F);

} // namespace dbrace::sqlfacts::detail

#endif // DBRACE_CORE_SQL_PGTREEFACTS_H
