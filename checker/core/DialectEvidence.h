//===--- DialectEvidence.h - The database the code says it talks to -------===//
//
// Some libraries pick the database at run time. Where the code names it (a
// driver's name, a backend object, a connection string `postgresql://...`),
// a `dialect` rule says which argument does, and the library's `names` map
// what it spells to a dialect.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_DIALECTEVIDENCE_H
#define DBRACE_CORE_DIALECTEVIDENCE_H

#include "ApiModel.h"
#include "SqlText.h"
#include "sql/SqlFacts.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace dbrace {

/// The dialect \p Arg names through \p Library's `names`: a declaration by
/// its qualified name (`db::lite`), or a constant text that is a name
/// (`LITE`), starts with one as a scheme (`lite://db=x`,
/// `postgresql:dbname=x`) or names an ODBC driver that starts with one
/// (`Driver={Lite ODBC Driver};...`). Names compare without regard to case.
/// Nullopt when it names none.
std::optional<sqlfacts::Dialect> dialectNamedBy(const clang::Expr *Arg,
                                                const LibraryRules &Library,
                                                SqlTextResolver &Resolver);

/// Which name \p Text spells, as dialectNamedBy reads a constant text.
std::optional<sqlfacts::Dialect> dialectNamedIn(llvm::StringRef Text,
                                                const LibraryRules &Library);

} // namespace dbrace

#endif // DBRACE_CORE_DIALECTEVIDENCE_H
