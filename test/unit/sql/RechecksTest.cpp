//===--- RechecksTest.cpp - Whether a write re-asserts what a read decided ===//

#include "sql/Rechecks.h"
#include <gtest/gtest.h>

using namespace dbrace::sqlfacts;

namespace {

StatementFacts one(const char *Sql) {
  SqlFacts F = analyzeSql(Sql, Dialect::PostgreSQL);
  EXPECT_EQ(F.Statements.size(), 1u) << Sql;
  return F.Statements.empty() ? StatementFacts() : F.Statements.front();
}

bool rechecks(const char *Read, const char *Write) {
  StatementFacts R = one(Read), W = one(Write);
  return rechecks(&R, W);
}

TEST(Rechecks, ConditionOnAColumnTheReadReturned) {
  EXPECT_TRUE(rechecks("SELECT seats FROM events WHERE id = $1",
                       "UPDATE events SET seats = seats - 1 "
                       "WHERE id = $1 AND seats > 0"));
  EXPECT_TRUE(rechecks("SELECT * FROM events WHERE id = $1",
                       "UPDATE events SET seats = seats - 1 "
                       "WHERE id = $1 AND seats > 0"));
}

TEST(Rechecks, ConditionOnAColumnTheReadDidNotReturn) {
  EXPECT_FALSE(rechecks("SELECT price FROM events WHERE id = $1",
                        "UPDATE events SET sold = sold + 1 "
                        "WHERE id = $1 AND deleted_at IS NULL"));
}

TEST(Rechecks, EqualityOnAReturnedColumnTheReadDidNotFindItsRowBy) {
  EXPECT_TRUE(rechecks("SELECT status FROM orders WHERE id = $1",
                       "UPDATE orders SET status = 'paid' "
                       "WHERE id = $1 AND status = 'open'"));
}

TEST(Rechecks, EqualitiesOnTheReadsKeyAreTheRowsKeyWhateverTheirNames) {
  EXPECT_FALSE(rechecks(
      "SELECT holder FROM lockers WHERE site_id = $1 AND label = $2",
      "UPDATE lockers SET holder = $1 WHERE site_id = $2 AND label = $3"));
  EXPECT_FALSE(rechecks(
      "SELECT state FROM rooms WHERE hotel_id = $1 AND room_no = $2",
      "UPDATE rooms SET state = 'taken' WHERE hotel_id = $1 AND room_no = $2"));
}

TEST(Rechecks, ACounterTheWriteAdvancesWhateverItsName) {
  EXPECT_TRUE(rechecks("SELECT balance, revision FROM accounts WHERE id = $1",
                       "UPDATE accounts SET balance = $1, revision = revision "
                       "+ 1 WHERE id = $2 AND revision = $3"));
  StatementFacts W = one("UPDATE t SET n = $1, seq = seq + 1 "
                         "WHERE id = $2 AND seq = $3");
  EXPECT_TRUE(rechecks(nullptr, W));
}

TEST(Rechecks, AColumnNamedVersionIsNoProtectionByItsName) {
  EXPECT_FALSE(rechecks("SELECT pages FROM documents WHERE id = $1",
                        "UPDATE documents SET archived = true "
                        "WHERE id = $1 AND version = 2"));
  StatementFacts W = one("UPDATE t SET a = $1 WHERE id = $2 AND version = $3");
  EXPECT_FALSE(rechecks(nullptr, W));
}

TEST(Rechecks, UnknownReadCountsConditionsButNotEqualities) {
  StatementFacts Cond = one("UPDATE t SET n = n - 1 WHERE id = $1 AND n > 0");
  StatementFacts Eq = one("UPDATE t SET s = 'b' WHERE id = $1 AND s = 'a'");
  EXPECT_TRUE(rechecks(nullptr, Cond));
  EXPECT_FALSE(rechecks(nullptr, Eq));
}

TEST(Rechecks, AKeyColumnOfTheSchemaReassertsNothing) {
  // Returned by the read and not what it found its row by: without keys it
  // looks like `status = 'open'`; the schema says it is the row's key.
  StatementFacts R = one("SELECT id, used FROM coupons WHERE code = $1");
  StatementFacts W = one("UPDATE coupons SET used = true WHERE id = $1");
  TableKeys Keys{"coupons", {{"id"}, {"code"}}};
  EXPECT_TRUE(rechecks(&R, W));
  EXPECT_FALSE(rechecks(&R, W, &Keys));
  // A returned column outside the keys still counts.
  StatementFacts S = one("SELECT status FROM orders WHERE id = $1");
  StatementFacts U = one("UPDATE orders SET status = 'paid' "
                         "WHERE id = $1 AND status = 'open'");
  TableKeys OrderKeys{"orders", {{"id"}}};
  EXPECT_TRUE(rechecks(&S, U, &OrderKeys));
}

bool checksWhatItChanges(const char *Read, const char *Write) {
  return checksWhatItChanges(one(Read), one(Write));
}

TEST(ChecksWhatItChanges, ChangesNothingTheReadReturnedAndReassertsItsColumn) {
  EXPECT_TRUE(checksWhatItChanges(
      "SELECT expired FROM coupons WHERE code = $1",
      "UPDATE coupons SET used = true WHERE code = $1 AND NOT used"));
  EXPECT_TRUE(checksWhatItChanges(
      "SELECT balance FROM accounts WHERE id = $1",
      "UPDATE accounts SET state = 'frozen' WHERE id = $1 AND state = 'open'"));
}

TEST(ChecksWhatItChanges, ChangesAColumnTheReadReturned) {
  EXPECT_FALSE(checksWhatItChanges(
      "SELECT used FROM coupons WHERE code = $1",
      "UPDATE coupons SET used = true WHERE code = $1 AND NOT used"));
  EXPECT_FALSE(checksWhatItChanges(
      "SELECT * FROM coupons WHERE code = $1",
      "UPDATE coupons SET used = true WHERE code = $1 AND NOT used"));
}

TEST(ChecksWhatItChanges, EveryColumnItChangesIsReasserted) {
  EXPECT_FALSE(checksWhatItChanges(
      "SELECT pages FROM documents WHERE id = $1",
      "UPDATE documents SET archived = true WHERE id = $1 AND version = 2"));
  EXPECT_FALSE(
      checksWhatItChanges("SELECT expired FROM coupons WHERE code = $1",
                          "UPDATE coupons SET used = true, owner = $2 "
                          "WHERE code = $1 AND NOT used"));
}

TEST(SameTable, QualifiedAndUnqualifiedNamesOfOneTable) {
  EXPECT_TRUE(sameTable("events", "events"));
  EXPECT_TRUE(sameTable("public.events", "events"));
  EXPECT_TRUE(sameTable("events", "app.events"));
  EXPECT_FALSE(sameTable("app.events", "audit.events"));
  EXPECT_FALSE(sameTable("events", "event"));
  EXPECT_FALSE(sameTable("public.events", "public.tickets"));
}

} // namespace
