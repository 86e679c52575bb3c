// FLAGS: -isystem %inputs/poco -isystem %corpus/include
// POCO Data over MySQL (InnoDB): a ticketing and membership back office.
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <chrono>
#include <curl/curl.h>
#include <stdexcept>
#include <string>
#include <thread>

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace ledger {

// case: unsafe
// A RAII transaction, no lock: two requests take the last ticket.
bool sell_ticket(Session &session, int event_id) {
  Poco::Data::Transaction tx(session);
  int left = 0;
  session << "SELECT tickets_left FROM events WHERE id = ?", into(left), use(event_id), now; // expect: dbrace-unlocked-read-update
  if (left <= 0)
    return false;
  session << "UPDATE events SET tickets_left = tickets_left - 1 WHERE id = ?", use(event_id), now;
  tx.commit();
  return true;
}

// case: safe
// FOR UPDATE in the transaction that writes.
bool sell_ticket_locked(Session &session, int event_id) {
  Poco::Data::Transaction tx(session);
  int left = 0;
  session << "SELECT tickets_left FROM events WHERE id = ? FOR UPDATE", into(left), use(event_id), now;
  if (left <= 0)
    return false;
  session << "UPDATE events SET tickets_left = tickets_left - 1 WHERE id = ?", use(event_id), now;
  tx.commit();
  return true;
}

// case: safe
// A Statement's execute() returns the rows changed; the UPDATE checks for
// itself.
bool sell_ticket_atomic(Session &session, int event_id) {
  Statement upd(session);
  upd << "UPDATE events SET tickets_left = tickets_left - 1 WHERE id = ? AND tickets_left > 0", use(event_id);
  return upd.execute() == 1;
}

// case: unsafe
// A lost update through a prepared Statement, begun on the session.
void top_up(Session &session, int member_id, int amount) {
  session.begin();
  int balance = 0;
  Statement sel(session);
  sel << "SELECT balance FROM members WHERE id = ?", into(balance), use(member_id);
  sel.execute(); // expect: dbrace-unlocked-read-update
  balance += amount;
  Statement upd(session);
  upd << "UPDATE members SET balance = ? WHERE id = ?", use(balance), use(member_id);
  upd.execute();
  session.commit();
}

// case: unsafe
// RecordSet reads the coupon in autocommit.
bool redeem(Session &session, const std::string &code) {
  RecordSet rs(session, "SELECT used FROM coupons WHERE code = '" + code + "'"); // expect: dbrace-unlocked-read-update
  if (rs.rowCount() == 0 || rs.value<int>(0, 0) != 0)
    return false;
  session << "UPDATE coupons SET used = 1 WHERE code = ?", bind(code), now;
  return true;
}

// case: safe
// The session isolation is SERIALIZABLE for this transaction.
void top_up_serializable(Session &session, int member_id, int amount) {
  session.setTransactionIsolation(Session::TRANSACTION_SERIALIZABLE);
  Poco::Data::Transaction tx(session);
  int balance = 0;
  session << "SELECT balance FROM members WHERE id = ?", into(balance), use(member_id), now;
  balance += amount;
  session << "UPDATE members SET balance = ? WHERE id = ?", use(balance), use(member_id), now;
  tx.commit();
}

// case: unsafe
// "Not a member yet, so insert".
bool join(Session &session, std::string email) {
  Poco::Data::Transaction tx(session);
  int n = 0;
  session << "SELECT COUNT(*) FROM members WHERE email = ?", into(n), use(email), now; // expect: dbrace-check-then-insert
  if (n > 0)
    return false;
  session << "INSERT INTO members (email) VALUES (?)", use(email), now;
  tx.commit();
  return true;
}

// case: safe
// INSERT IGNORE on the unique e-mail; the rows inserted are checked.
bool join_ignore(Session &session, std::string email) {
  Statement ins(session);
  ins << "INSERT IGNORE INTO members (email) VALUES (?)", use(email);
  return ins.execute() == 1;
}

// case: unsafe
// The balance is read before the transaction begins.
void pay_out(Session &session, int member_id) {
  int balance = 0;
  session << "SELECT balance FROM members WHERE id = ?", into(balance), use(member_id), now; // expect: dbrace-read-outside-transaction
  if (balance <= 0)
    return;
  Poco::Data::Transaction tx(session);
  session << "UPDATE members SET balance = 0 WHERE id = ?", use(member_id), now;
  session << "INSERT INTO payouts (member_id, amount) VALUES (?, ?)", use(member_id), use(balance), now;
  tx.commit();
}

// case: unsafe
// FOR UPDATE in autocommit.
bool claim_seat_autocommit(Session &session, int seat_id, int member_id) {
  int holder = 0;
  session << "SELECT holder FROM seats WHERE id = ? FOR UPDATE", into(holder), use(seat_id), now; // expect: dbrace-lock-without-transaction
  if (holder != 0)
    return false;
  session << "UPDATE seats SET holder = ? WHERE id = ?", use(member_id), use(seat_id), now;
  return true;
}

// case: safe
// The balance is read for the statement page; the view log is another table.
int statement_page(Session &session, int member_id) {
  int balance = 0;
  session << "SELECT balance FROM members WHERE id = ?", into(balance), use(member_id), now;
  session << "INSERT INTO page_views (member_id, page) VALUES (?, 'statement')", use(member_id), now;
  return balance;
}

// case: safe
// Different rows: the team's quota is read, a member's row written.
void apply_team_quota(Session &session, int team_id, int member_id) {
  Poco::Data::Transaction tx(session);
  int quota = 0;
  session << "SELECT quota FROM members WHERE id = ?", into(quota), use(team_id), now;
  if (quota > 0)
    session << "UPDATE members SET quota = ? WHERE id = ?", use(quota), use(member_id), now;
  tx.commit();
}

// case: safe
// Version column: the UPDATE compares it and execute()'s count is checked.
bool rename_event(Session &session, int event_id, std::string title) {
  int version = 0;
  session << "SELECT version FROM events WHERE id = ?", into(version), use(event_id), now;
  Statement upd(session);
  upd << "UPDATE events SET title = ?, version = version + 1 WHERE id = ? AND version = ?", use(title),
      use(event_id), use(version);
  if (upd.execute() != 1)
    throw std::runtime_error("event changed concurrently");
  return true;
}

static void push_to_partner(int event_id) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://partner.example/sold");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// case: unsafe
// The event row is locked while a partner API is called.
void sell_and_sync(Session &session, int event_id) {
  Poco::Data::Transaction tx(session);
  int left = 0;
  session << "SELECT tickets_left FROM events WHERE id = ? FOR UPDATE", into(left), use(event_id), now;
  if (left > 0) {
    session << "UPDATE events SET tickets_left = tickets_left - 1 WHERE id = ?", use(event_id), now;
    push_to_partner(event_id); // expect: dbrace-slow-call-in-transaction
  }
  tx.commit();
}

// case: unsafe
// A retry sleep inside the locked transaction.
bool wait_for_release(Session &session, int seat_id) {
  session.begin();
  for (int i = 0; i < 5; ++i) {
    int holder = 0;
    session << "SELECT holder FROM seats WHERE id = ? FOR UPDATE", into(holder), use(seat_id), now;
    if (holder == 0) {
      session << "UPDATE seats SET holder = -1 WHERE id = ?", use(seat_id), now;
      session.commit();
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // expect: dbrace-slow-call-in-transaction
  }
  session.rollback();
  return false;
}

class MembershipService {
public:
  explicit MembershipService(Session &s) : session_(s) {}

  // case: unsafe
  // Renewal in a class, the new expiry computed in C++.
  void renew(int member_id, int days) {
    Poco::Data::Transaction tx(session_);
    int expires_day = 0;
    session_ << kSelectExpiry, into(expires_day), use(member_id), now; // expect: dbrace-unlocked-read-update
    int next = expires_day + days;
    session_ << kSetExpiry, use(next), use(member_id), now;
    tx.commit();
  }

  // case: safe
  // The expiry computed in SQL, no read.
  void renew_in_sql(int member_id, int days) {
    session_ << "UPDATE members SET expires_day = GREATEST(expires_day, TO_DAYS(NOW())) + ? WHERE id = ?",
        use(days), use(member_id), now;
  }

private:
  static constexpr const char *kSelectExpiry = "SELECT expires_day FROM members WHERE id = ?";
  static constexpr const char *kSetExpiry = "UPDATE members SET expires_day = ? WHERE id = ?";
  Session &session_;
};

} // namespace ledger
