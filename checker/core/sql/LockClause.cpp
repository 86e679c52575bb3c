//===--- LockClause.cpp - Which text is one locking clause ----------------===//
//
// A lock clause from the configuration goes into the program's SQL, so it
// must be exactly one locking clause: the parser decides what it is, and the
// clause the parser found, spelled back, must be all the text there is.
//
//===----------------------------------------------------------------------===//

#include "SqlFacts.h"
#include "llvm/ADT/StringExtras.h"

namespace dbrace::sqlfacts {

namespace {

/// Upper case, one space between words, none around `,` and `.`, and no
/// identifier quotes: two spellings of one clause compare equal.
std::string canonical(llvm::StringRef Text) {
  std::string Out;
  bool Space = false;
  for (char C : Text) {
    if (C == '"' || C == '`')
      continue;
    if (llvm::isSpace(C)) {
      Space = true;
      continue;
    }
    if (Space && !Out.empty() && Out.back() != ',' && Out.back() != '.' &&
        C != ',' && C != '.')
      Out += ' ';
    Space = false;
    Out += llvm::toUpper(C);
  }
  return Out;
}

bool strengthIn(LockStrength L, Dialect D) {
  if (D == Dialect::MySQL)
    return L == LockStrength::ForUpdate || L == LockStrength::ForShare;
  return D == Dialect::PostgreSQL && L != LockStrength::None;
}

} // namespace

bool isLockClause(llvm::StringRef Clause, Dialect D) {
  Clause = Clause.trim();
  if (Clause.empty() || D == Dialect::SQLite)
    return false;
  const SqlFacts &Facts = analyzeSql(("SELECT 1 FROM t " + Clause).str(), D);
  if (!Facts.ParseError.empty() || Facts.Statements.size() != 1)
    return false;
  const StatementFacts &S = Facts.Statements.front();
  if (!S.Certain || S.Kind != StatementKind::Select || !strengthIn(S.Lock, D))
    return false;
  std::string Found = lockName(S.Lock).str();
  if (!S.LockOf.empty())
    Found += " OF " + llvm::join(S.LockOf, ",");
  if (S.NoWait)
    Found += " NOWAIT";
  if (S.SkipLocked)
    Found += " SKIP LOCKED";
  std::string Given = canonical(Clause);
  if (Given == canonical(Found))
    return true;
  // MySQL's older spelling of FOR SHARE, which takes no options.
  return D == Dialect::MySQL && Found == "FOR SHARE" &&
         Given == "LOCK IN SHARE MODE";
}

bool isWaitingLockClause(llvm::StringRef Clause, Dialect D) {
  if (!isLockClause(Clause, D))
    return false;
  const SqlFacts &Facts =
      analyzeSql(("SELECT 1 FROM t " + Clause.trim()).str(), D);
  return lockConflictsWithItself(Facts.Statements.front().Lock);
}

} // namespace dbrace::sqlfacts
