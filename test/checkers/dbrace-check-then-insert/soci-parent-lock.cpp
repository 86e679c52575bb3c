// A lock on the parent row, keyed by the same use() value as the check,
// serialises the check-then-insert.
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
