//===--- LockClauseTest.cpp - Which text is one locking clause ------------===//

#include "sql/SqlFacts.h"
#include "gtest/gtest.h"

using namespace dbrace::sqlfacts;

namespace {

TEST(LockClause, PostgreSQLClauses) {
  for (const char *C :
       {"FOR UPDATE", "FOR NO KEY UPDATE", "FOR SHARE", "FOR KEY SHARE",
        "for update", "  FOR   UPDATE  ", "FOR UPDATE OF events",
        "FOR UPDATE OF events, bookings", "FOR UPDATE OF public.events",
        "FOR UPDATE NOWAIT", "FOR NO KEY UPDATE OF events SKIP LOCKED",
        "FOR UPDATE OF \"Events\"", "FOR UPDATE OF \"Odd name\""})
    EXPECT_TRUE(isLockClause(C, Dialect::PostgreSQL)) << C;
}

TEST(LockClause, NotOnlyOneLockingClause) {
  for (const char *C :
       {"", "FOR BANANA", "FOR BANANA; DROP TABLE events",
        "FOR UPDATE; DROP TABLE events", "FOR UPDATE;", "FOR UPDATE LIMIT 1",
        "FOR UPDATE OFFSET 2", "LIMIT 1 FOR UPDATE",
        "FOR UPDATE OF a FOR SHARE OF b", "FOR UPDATE FOR UPDATE",
        "FOR UPDATE -- comment", "FOR UPDATE /* c */", "UPDATE",
        "WHERE 1 = 1 FOR UPDATE", "FOR UPDATE NOWAIT SKIP LOCKED",
        "LOCK IN SHARE MODE"})
    EXPECT_FALSE(isLockClause(C, Dialect::PostgreSQL)) << C;
}

TEST(LockClause, MySQLHasNoKeyLocksButLockInShareMode) {
  for (const char *C : {"FOR UPDATE", "FOR SHARE", "LOCK IN SHARE MODE",
                        "lock in share mode", "FOR UPDATE NOWAIT",
                        "FOR SHARE OF events SKIP LOCKED", "FOR UPDATE OF `events`"})
    EXPECT_TRUE(isLockClause(C, Dialect::MySQL)) << C;
  for (const char *C : {"FOR NO KEY UPDATE", "FOR KEY SHARE",
                        "LOCK IN SHARE MODE NOWAIT", "FOR UPDATE; DO 1"})
    EXPECT_FALSE(isLockClause(C, Dialect::MySQL)) << C;
}

TEST(LockClause, OnlyLocksThatConflictWithThemselvesMakeARequestWait) {
  for (const char *C : {"FOR UPDATE", "for no key update of events nowait"})
    EXPECT_TRUE(isWaitingLockClause(C, Dialect::PostgreSQL)) << C;
  for (const char *C : {"FOR SHARE", "FOR KEY SHARE OF events", "FOR BANANA"})
    EXPECT_FALSE(isWaitingLockClause(C, Dialect::PostgreSQL)) << C;
  EXPECT_TRUE(isWaitingLockClause("FOR UPDATE SKIP LOCKED", Dialect::MySQL));
  for (const char *C : {"LOCK IN SHARE MODE", "FOR SHARE"})
    EXPECT_FALSE(isWaitingLockClause(C, Dialect::MySQL)) << C;
  EXPECT_FALSE(isWaitingLockClause("FOR UPDATE", Dialect::SQLite));
}

TEST(LockClause, SQLiteHasNone) {
  EXPECT_FALSE(isLockClause("FOR UPDATE", Dialect::SQLite));
}

} // namespace
