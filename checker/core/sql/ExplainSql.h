//===--- ExplainSql.h - `dbrace explain-sql`: the facts of one SQL string -===//

#ifndef DBRACE_CORE_SQL_EXPLAINSQL_H
#define DBRACE_CORE_SQL_EXPLAINSQL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace dbrace::sqlfacts {

/// `explain-sql [--dialect=postgresql|sqlite|mysql] 'SQL'`; \p Args are the
/// words after the subcommand. Prints the facts as JSON on \p Out and
/// returns 0; on a usage error prints to \p Err and returns 2.
int explainSqlMain(llvm::ArrayRef<llvm::StringRef> Args, llvm::raw_ostream &Out,
                   llvm::raw_ostream &Err);

} // namespace dbrace::sqlfacts

#endif // DBRACE_CORE_SQL_EXPLAINSQL_H
