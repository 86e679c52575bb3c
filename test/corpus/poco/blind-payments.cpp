// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: merchant payouts
// sent to a bank gateway over HTTP, POCO Data on MySQL, real Poco headers.
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Types.h>

#include <ostream>
#include <string>

using namespace Poco::Data::Keywords;

namespace payouts {

// Posts a payout to the bank gateway and waits for its answer.
static bool post_to_bank(const std::string &payoutRef, Poco::Int64 cents) {
  Poco::Net::HTTPClientSession http("bank-gateway.internal", 8080);
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST, "/v1/payouts/" + payoutRef,
                             Poco::Net::HTTPMessage::HTTP_1_1);
  const std::string body = "{\"amount\":" + std::to_string(cents) + "}";
  req.setContentType("application/json");
  req.setContentLength(static_cast<std::streamsize>(body.size()));
  http.sendRequest(req) << body;
  Poco::Net::HTTPResponse resp;
  http.receiveResponse(resp);
  return resp.getStatus() == Poco::Net::HTTPResponse::HTTP_OK;
}

// case: unsafe
// The payout row is locked FOR UPDATE, and the bank is called over HTTP
// (in a helper) before the status is written and committed.
bool send_payout(Poco::Data::Session &session, const std::string &payoutRef) {
  Poco::Data::Transaction tx(session);
  std::string status;
  Poco::Int64 cents = 0;
  session << "SELECT status, amount_cents FROM payouts WHERE payout_ref = ? FOR UPDATE", into(status),
      into(cents), bind(payoutRef), now;
  if (status != "approved")
    return false;
  const bool ok = post_to_bank(payoutRef, cents); // expect: dbrace-slow-call-in-transaction
  session << "UPDATE payouts SET status = ? WHERE payout_ref = ?", bind(std::string(ok ? "sent" : "failed")),
      bind(payoutRef), now;
  tx.commit();
  return ok;
}

// case: safe
// The payout is claimed ('sending') under the lock and committed; the bank
// call comes after the commit, and the final UPDATE checks the claim
// state itself with its row count.
bool send_payout_after_commit(Poco::Data::Session &session, const std::string &payoutRef) {
  Poco::Int64 cents = 0;
  {
    Poco::Data::Transaction tx(session);
    std::string status;
    session << "SELECT status, amount_cents FROM payouts WHERE payout_ref = ? FOR UPDATE", into(status),
        into(cents), bind(payoutRef), now;
    if (status != "approved")
      return false;
    session << "UPDATE payouts SET status = 'sending' WHERE payout_ref = ?", bind(payoutRef), now;
    tx.commit();
  }
  const bool ok = post_to_bank(payoutRef, cents);
  Poco::Data::Statement done(session);
  done << "UPDATE payouts SET status = ? WHERE payout_ref = ? AND status = 'sending'",
      bind(std::string(ok ? "sent" : "failed")), bind(payoutRef);
  return done.execute() == 1 && ok;
}

// Merchant balances with statements prepared once per DAO.
class MerchantBalanceDao {
public:
  explicit MerchantBalanceDao(Poco::Data::Session &session)
      : session_(session), select_(session) {
    select_ << "SELECT available_cents FROM merchant_balances WHERE merchant_code = ?", into(available_),
        use(merchantCode_);
  }

  // case: unsafe
  // The prepared SELECT runs in autocommit; session.begin() comes after the
  // check, and the new balance is computed from the value read before it.
  bool reservePayout(const std::string &merchantCode, Poco::Int64 cents) {
    merchantCode_ = merchantCode;
    select_.execute(); // expect: dbrace-read-outside-transaction
    if (available_ < cents)
      return false;
    session_.begin();
    session_ << "UPDATE merchant_balances SET available_cents = ? WHERE merchant_code = ?",
        bind(available_ - cents), bind(merchantCode), now;
    session_ << "INSERT INTO payouts (merchant_code, amount_cents, status) VALUES (?, ?, 'approved')",
        bind(merchantCode), bind(cents), now;
    session_.commit();
    return true;
  }

private:
  Poco::Data::Session &session_;
  Poco::Data::Statement select_;
  std::string merchantCode_;
  Poco::Int64 available_ = 0;
};

// case: safe
// Idempotent payout request: INSERT IGNORE on the unique request_id, and
// the row count tells whether this call created it.
bool register_payout_request(Poco::Data::Session &session, const std::string &requestId,
                             const std::string &merchantCode, Poco::Int64 cents) {
  Poco::Data::Statement ins(session);
  ins << "INSERT IGNORE INTO payout_requests (request_id, merchant_code, amount_cents) VALUES (?, ?, ?)",
      bind(requestId), bind(merchantCode), bind(cents);
  return ins.execute() == 1;
}

} // namespace payouts
