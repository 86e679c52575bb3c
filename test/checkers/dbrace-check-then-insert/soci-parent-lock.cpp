// A lock on the parent row, keyed by the same use() value as the check,
// serialises the check-then-insert; a lock on another parent does not.
// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real

#include <soci/soci.h>

// The parent row is locked before the check: sign-ups of one team queue.
bool join_team(soci::session &sql, int team_id, int user_id) {
  soci::transaction tr(sql);
  sql << "SELECT 1 FROM teams WHERE id = :id FOR UPDATE", soci::use(team_id);
  int members = 0;
  sql << "SELECT count(*) FROM memberships WHERE team_id = :id", soci::into(members), soci::use(team_id);
  if (members >= 10)
    return false;
  sql << "INSERT INTO memberships(team_id, user_id) VALUES (:t, :u)", soci::use(team_id), soci::use(user_id);
  tr.commit();
  return true;
}

// A lock on another parent row does not cover this team's sign-ups.
bool join_team_wrong_parent(soci::session &sql, int team_id, int league_id, int user_id) {
  soci::transaction tr(sql);
  sql << "SELECT 1 FROM leagues WHERE id = :id FOR UPDATE", soci::use(league_id);
  int members = 0;
  sql << "SELECT count(*) FROM memberships WHERE team_id = :id", soci::into(members), soci::use(team_id);
  if (members >= 10)
    return false;
  sql << "INSERT INTO memberships(team_id, user_id) VALUES (:t, :u)", soci::use(team_id), soci::use(user_id);
  tr.commit();
  return true;
}
// CHECK-NOTES: :[[@LINE-7]]:3: warning: check of 'memberships' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
// CHECK-NOTES: :[[@LINE-7]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:3: note: 'memberships' is inserted into here
// CHECK-NOTES: :[[@LINE-13]]:21: note: the transaction begins here
// CHECK-NOTES: :[[@LINE-8]]:3: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
