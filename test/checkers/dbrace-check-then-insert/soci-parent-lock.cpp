// XFAIL: *
// FIXME(core): a lock on the parent row protects the check only when the
// lock's key and the check's key are the same C++ value. `in_params:
// [soci::use]` binds the values to the placeholders, but SOCI's `:name`
// placeholders are not normalised in the postgresql dialect, so the WHERE
// keys are not parsed (facts uncertain) and the parent lock is not matched.
// The same file with `$1` placeholders passes.
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
