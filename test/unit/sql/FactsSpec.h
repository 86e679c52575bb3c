//===--- FactsSpec.h - Compact expectations for SQL facts in tests ---------===//
//
// A spec lists, per statement (separated by " | "), space-separated
// `field=value` items; only the fields named are checked:
//   kind=select read=a,b write=t lock=update|nokeyupdate|share|keyshare|none
//   nowait=1 skiplocked=1 of=a keys=t.id=$1,t.name='x' sets=seats+,v
//   guards=version values=t.a=$1 exists=1 lockok=1 iso=serializable
//   mode=immediate certain=0 adv=pg_advisory_xact_lock at=0:10 ins=10
//   functions=api_rate_limit
// Keys and values print `=$N` for a parameter, `='text'` for a literal and
// `=?` for another fixed expression, `=any$N` for one of a set's values
// (`= ANY($N)`, an unnest join); a set's `+` marks it relative.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TEST_UNIT_SQL_FACTSSPEC_H
#define DBRACE_TEST_UNIT_SQL_FACTSSPEC_H

#include "sql/SqlFacts.h"
#include "llvm/ADT/StringMap.h"
#include <string>

namespace dbrace::sqlfacts::test {

/// Field \p Name of \p S in the spec's notation.
std::string renderField(const StatementFacts &S, llvm::StringRef Name);

/// Empty when \p Facts match \p Spec; otherwise what differs.
std::string checkSpec(const SqlFacts &Facts, llvm::StringRef Spec);

/// A readable, stable test name for a case: the dialect and the first words
/// of its SQL (`postgresql_SELECT_seats_FROM_events`), numbered only when two
/// cases would share it, so `ctest -R` can select one and `--rerun-failed`
/// finds it again.
class CaseNames {
public:
  std::string operator()(Dialect D, llvm::StringRef Sql);

private:
  llvm::StringMap<unsigned> Seen;
};

} // namespace dbrace::sqlfacts::test

#endif // DBRACE_TEST_UNIT_SQL_FACTSSPEC_H
