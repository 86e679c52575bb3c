// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: team plans with
// a seat limit and one free trial per e-mail, POCO Data on MySQL (InnoDB),
// against the real Poco 1.11 headers.
#include <Poco/Data/DataException.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

#include <string>

using namespace Poco::Data::Keywords;

namespace teams {

struct PlanUsage {
  int seats_used = 0;
  int seat_limit = 0;
};

// case: unsafe
// Poco::Data::Transaction at InnoDB's default REPEATABLE READ, plain SELECT:
// two invitations both see a free seat and both write seats_used + 1.
bool add_member(Poco::Data::Session &session, const std::string &teamSlug, const std::string &email) {
  Poco::Data::Transaction tx(session);
  PlanUsage usage;
  session << "SELECT seats_used, seat_limit FROM team_plans WHERE team_slug = ?", into(usage.seats_used), into(usage.seat_limit), bind(teamSlug), now; // expect: dbrace-unlocked-read-update
  if (usage.seats_used >= usage.seat_limit)
    return false;
  session << "UPDATE team_plans SET seats_used = ? WHERE team_slug = ?", bind(usage.seats_used + 1),
      bind(teamSlug), now;
  session << "INSERT INTO team_members (team_slug, email) VALUES (?, ?)", bind(teamSlug), bind(email), now;
  tx.commit();
  return true;
}

// case: safe
// The plan row is read FOR UPDATE inside the transaction that writes it.
bool add_member_locked(Poco::Data::Session &session, const std::string &teamSlug,
                       const std::string &email) {
  Poco::Data::Transaction tx(session);
  PlanUsage usage;
  session << "SELECT seats_used, seat_limit FROM team_plans WHERE team_slug = ? FOR UPDATE",
      into(usage.seats_used), into(usage.seat_limit), bind(teamSlug), now;
  if (usage.seats_used >= usage.seat_limit)
    return false;
  session << "UPDATE team_plans SET seats_used = ? WHERE team_slug = ?", bind(usage.seats_used + 1),
      bind(teamSlug), now;
  session << "INSERT INTO team_members (team_slug, email) VALUES (?, ?)", bind(teamSlug), bind(email), now;
  tx.commit();
  return true;
}

// case: unsafe
// FOR UPDATE with the session in autocommit (no begin, no Transaction):
// the lock is gone before the plan is downgraded.
bool downgrade_plan(Poco::Data::Session &session, const std::string &teamSlug, int newLimit) {
  int used = 0;
  session << "SELECT seats_used FROM team_plans WHERE team_slug = ? FOR UPDATE", into(used), bind(teamSlug), now; // expect: dbrace-lock-without-transaction
  if (used > newLimit)
    return false;
  session << "UPDATE team_plans SET seat_limit = ? WHERE team_slug = ?", bind(newLimit), bind(teamSlug), now;
  return true;
}

// case: safe
// SERIALIZABLE (InnoDB then locks what it reads) with a retry when one of
// two concurrent removals is rolled back.
bool remove_member(Poco::Data::Session &session, const std::string &teamSlug, const std::string &email) {
  session.setTransactionIsolation(Poco::Data::Session::TRANSACTION_SERIALIZABLE);
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      session.begin();
      int used = 0;
      session << "SELECT seats_used FROM team_plans WHERE team_slug = ?", into(used), bind(teamSlug), now;
      if (used == 0) {
        session.rollback();
        return false;
      }
      session << "UPDATE team_plans SET seats_used = ? WHERE team_slug = ?", bind(used - 1), bind(teamSlug), now;
      session << "DELETE FROM team_members WHERE team_slug = ? AND email = ?", bind(teamSlug), bind(email), now;
      session.commit();
      return true;
    } catch (const Poco::Data::DataException &) {
      session.rollback();
    }
  }
  return false;
}

// case: unsafe
// One free trial per e-mail, checked by a count and then inserted; no
// unique key on trials.email, and REPEATABLE READ does not help.
bool start_trial(Poco::Data::Session &session, const std::string &email, const std::string &planCode) {
  Poco::Data::Transaction tx(session);
  int previous = 0;
  session << "SELECT COUNT(*) FROM `billing`.`trials` WHERE email = ?", into(previous), bind(email), now; // expect: dbrace-check-then-insert
  if (previous != 0)
    return false;
  session << "INSERT INTO `billing`.`trials` (email, plan_code) VALUES (?, ?)", bind(email), bind(planCode), now;
  tx.commit();
  return true;
}

} // namespace teams
