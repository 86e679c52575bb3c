// FLAGS: -Wno-deprecated-declarations
// Blind cases, labelled by hand before dbrace was run on them: invoices,
// refunds and idempotent payment requests, against the real libpqxx 6 headers.
#include <pqxx/pqxx>

#include <future>
#include <sstream>
#include <stdexcept>
#include <string>

namespace billing {

// Card network client; authorize() starts the request and returns at once.
class CardGateway {
public:
  std::future<bool> authorize(const std::string &cardToken, long amountCents);
};

struct Invoice {
  std::string number;
  std::string status;
  long amount_cents = 0;
  std::string card_token;
};

// case: unsafe
// The invoice row is locked, then the service waits for the card network
// (future::get) before it writes and commits: every capture of this invoice
// queues behind the HTTP round trip.
bool capture_invoice(pqxx::connection &conn, CardGateway &gateway, const std::string &invoiceNo) {
  pqxx::work tx(conn);
  pqxx::row r = tx.exec_params1(
      "SELECT status, amount_cents, card_token FROM billing.invoices WHERE invoice_no = $1 FOR UPDATE",
      invoiceNo);
  Invoice inv{invoiceNo, r[0].as<std::string>(), r[1].as<long>(), r[2].as<std::string>()};
  if (inv.status != "open")
    return false;
  std::future<bool> auth = gateway.authorize(inv.card_token, inv.amount_cents);
  const bool approved = auth.get(); // expect: dbrace-slow-call-in-transaction
  tx.exec_params("UPDATE billing.invoices SET status = $1 WHERE invoice_no = $2",
                 approved ? "paid" : "declined", invoiceNo);
  tx.commit();
  return approved;
}

// case: safe
// The invoice is claimed by an atomic conditional UPDATE (status = 'open',
// affected rows checked) and committed; the card network is waited for
// after the commit; the final UPDATE checks the claim state itself.
bool capture_invoice_claimed(pqxx::connection &conn, CardGateway &gateway,
                             const std::string &invoiceNo) {
  long amount = 0;
  std::string token;
  {
    pqxx::work claim(conn);
    pqxx::result r = claim.exec_params(
        "UPDATE billing.invoices SET status = 'capturing' WHERE invoice_no = $1 AND status = 'open' "
        "RETURNING amount_cents, card_token",
        invoiceNo);
    if (r.affected_rows() != 1)
      return false;
    amount = r[0][0].as<long>();
    token = r[0][1].as<std::string>();
    claim.commit();
  }
  const bool approved = gateway.authorize(token, amount).get();
  pqxx::work tx(conn);
  pqxx::result done = tx.exec_params(
      "UPDATE billing.invoices SET status = $1 WHERE invoice_no = $2 AND status = 'capturing'",
      approved ? "paid" : "declined", invoiceNo);
  tx.commit();
  return approved && done.affected_rows() == 1;
}

// case: safe
// Partial refund in a SERIALIZABLE transaction, retried on serialization
// failure: a concurrent refund of the same payment makes one of them fail.
long refund_serializable(pqxx::connection &conn, const std::string &paymentRef, long cents) {
  for (int attempt = 0;; ++attempt) {
    try {
      pqxx::transaction<pqxx::serializable> tx(conn);
      pqxx::row p = tx.exec_params1(
          "SELECT amount_cents, refunded_cents FROM billing.payments WHERE reference = $1", paymentRef);
      const long amount = p[0].as<long>();
      const long refunded = p[1].as<long>();
      if (refunded + cents > amount)
        throw std::invalid_argument("refund exceeds payment " + paymentRef);
      tx.exec_params("UPDATE billing.payments SET refunded_cents = $1 WHERE reference = $2",
                     refunded + cents, paymentRef);
      tx.commit();
      return amount - refunded - cents;
    } catch (const pqxx::serialization_failure &) {
      if (attempt == 4)
        throw;
    }
  }
}

// case: unsafe
// The refundable amount is read (and locked) in one transaction, which is
// committed; the refund is written in a second one. The lock is gone by then.
long refund_two_steps(pqxx::connection &conn, const std::string &paymentRef, long cents) {
  long refundable = 0;
  {
    pqxx::work look(conn);
    pqxx::row r = look.exec_params1("SELECT amount_cents - refunded_cents FROM billing.payments WHERE reference = $1 FOR UPDATE", paymentRef); // expect: dbrace-read-outside-transaction
    refundable = r[0].as<long>();
    look.commit();
  }
  if (cents > refundable)
    throw std::invalid_argument("refund exceeds payment");
  pqxx::work tx(conn);
  tx.exec_params("UPDATE billing.payments SET refunded_cents = refunded_cents + $1 WHERE reference = $2",
                 cents, paymentRef);
  tx.commit();
  return refundable - cents;
}

// case: unsafe
// The order row is locked, but the decision is on the customer's wallet,
// read without a lock: two orders of one customer both pass the balance test.
bool pay_order_from_wallet(pqxx::connection &conn, const std::string &orderNo,
                           const std::string &customerEmail) {
  pqxx::work tx(conn);
  pqxx::row order = tx.exec_params1(
      "SELECT total_cents, state FROM shop.orders WHERE order_no = $1 FOR UPDATE", orderNo);
  if (order[1].as<std::string>() != "pending")
    return false;
  const long total = order[0].as<long>();
  pqxx::row wallet = tx.exec_params1("SELECT balance_cents FROM shop.wallets WHERE owner_email = $1", customerEmail); // expect: dbrace-unlocked-read-update
  const long balance = wallet[0].as<long>();
  if (balance < total)
    return false;
  tx.exec_params("UPDATE shop.wallets SET balance_cents = $1 WHERE owner_email = $2",
                 balance - total, customerEmail);
  tx.exec_params("UPDATE shop.orders SET state = 'paid' WHERE order_no = $1", orderNo);
  tx.commit();
  return true;
}

// case: unsafe
// The advisory transaction lock is taken in autocommit, so it is released at
// once; the duplicate check on the idempotency key then races its insert.
bool record_payment_request(pqxx::connection &conn, long merchantId,
                            const std::string &idempotencyKey, long cents) {
  pqxx::nontransaction n(conn);
  n.exec_params("SELECT pg_advisory_xact_lock($1)", merchantId); // expect: dbrace-lock-without-transaction
  pqxx::result seen = n.exec_params("SELECT 1 FROM billing.payment_requests WHERE merchant_id = $1 AND idem_key = $2", merchantId, idempotencyKey); // expect: dbrace-check-then-insert
  if (!seen.empty())
    return false;
  n.exec_params("INSERT INTO billing.payment_requests (merchant_id, idem_key, amount_cents) "
                "VALUES ($1, $2, $3)",
                merchantId, idempotencyKey, cents);
  return true;
}

// case: safe
// The same check after pg_advisory_xact_lock on the merchant, inside the
// transaction that inserts: a second request waits at the lock.
bool record_payment_request_locked(pqxx::connection &conn, long merchantId,
                                   const std::string &idempotencyKey, long cents) {
  pqxx::work tx(conn);
  tx.exec_params("SELECT pg_advisory_xact_lock($1)", merchantId);
  pqxx::result seen = tx.exec_params(
      "SELECT 1 FROM billing.payment_requests WHERE merchant_id = $1 AND idem_key = $2",
      merchantId, idempotencyKey);
  if (!seen.empty())
    return false;
  tx.exec_params("INSERT INTO billing.payment_requests (merchant_id, idem_key, amount_cents) "
                 "VALUES ($1, $2, $3)",
                 merchantId, idempotencyKey, cents);
  tx.commit();
  return true;
}

// case: safe
// The exchange rate is read to compute a ledger entry in another table; the
// rate itself is never written here.
void book_foreign_payment(pqxx::connection &conn, const std::string &paymentRef,
                          const std::string &currency, long foreignCents) {
  pqxx::work tx(conn);
  std::ostringstream q;
  q << "SELECT rate_ppm FROM fx.\"daily_rates\" WHERE currency = " << tx.quote(currency)
    << " AND day = current_date";
  pqxx::result rate = tx.exec(q.str());
  if (rate.empty())
    throw std::runtime_error("no rate for " + currency);
  const long eurCents = foreignCents * rate[0][0].as<long>() / 1000000;
  tx.exec_params("INSERT INTO billing.ledger_entries (payment_ref, amount_eur_cents) VALUES ($1, $2)",
                 paymentRef, eurCents);
  tx.commit();
}

} // namespace billing
