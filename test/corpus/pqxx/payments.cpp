// FLAGS: -isystem %inputs/pqxx -isystem %corpus/include
// Payments: idempotency keys, invoices, refunds, a payment gateway.
#include <curl/curl.h>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>

namespace payments {

static bool charge_card(const std::string &token, long cents) {
  CURL *h = curl_easy_init();
  const std::string body = "token=" + token + "&amount=" + std::to_string(cents);
  curl_easy_setopt(h, CURLOPT_URL, "https://gateway.example/charge");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  const bool ok = curl_easy_perform(h) == CURLE_OK;
  curl_easy_cleanup(h);
  return ok;
}

// case: unsafe
// An idempotency key checked, then inserted: a retried request charges twice.
void create_payment(pqxx::connection &c, const std::string &key, int user_id, long cents) {
  pqxx::work w(c);
  pqxx::result prior = w.exec_params("SELECT status FROM payments WHERE idempotency_key = $1", key); // expect: dbrace-check-then-insert
  if (!prior.empty())
    return;
  w.exec_params("INSERT INTO payments (idempotency_key, user_id, amount_cents, status) VALUES ($1, $2, $3, 'new')",
                key, user_id, cents);
  w.commit();
}

// case: safe
// The key's unique index decides and the row count is checked.
bool create_payment_idempotent(pqxx::work &w, const std::string &key, int user_id, long cents) {
  pqxx::result r = w.exec_params("INSERT INTO payments (idempotency_key, user_id, amount_cents, status) "
                                 "VALUES ($1, $2, $3, 'new') ON CONFLICT (idempotency_key) DO NOTHING",
                                 key, user_id, cents);
  return r.affected_rows() == 1;
}

// case: unsafe
// An invoice paid twice: both webhooks see 'open' and both credit the
// merchant.
void mark_invoice_paid(pqxx::connection &c, int invoice_id) {
  pqxx::work w(c);
  pqxx::row inv = w.exec_params1("SELECT status, amount_cents, merchant_id FROM invoices WHERE id = $1", invoice_id); // expect: dbrace-unlocked-read-update
  if (inv[0].as<std::string>() == "paid")
    return;
  w.exec_params("UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1", invoice_id);
  w.exec_params("UPDATE merchants SET balance_cents = balance_cents + $1 WHERE id = $2", inv[1].as<long>(),
                inv[2].as<int>());
  w.commit();
}

// case: unsafe
// The invoice row is locked, then the card is charged over the network
// while the lock is held.
void pay_invoice_online(pqxx::connection &c, int invoice_id, const std::string &card) {
  pqxx::work w(c);
  pqxx::row inv = w.exec_params1("SELECT status, amount_cents FROM invoices WHERE id = $1 FOR UPDATE", invoice_id);
  if (inv[0].as<std::string>() != "open")
    return;
  if (!charge_card(card, inv[1].as<long>())) // expect: dbrace-slow-call-in-transaction
    throw std::runtime_error("declined");
  w.exec_params("UPDATE invoices SET status = 'paid' WHERE id = $1", invoice_id);
  w.commit();
}

// case: safe
// The invoice is claimed atomically ('open' to 'charging') and committed
// before the gateway is called; the outcome is recorded afterwards.
void pay_invoice_claimed(pqxx::connection &c, int invoice_id, const std::string &card) {
  long cents = 0;
  {
    pqxx::work w(c);
    pqxx::result claim = w.exec_params(
        "UPDATE invoices SET status = 'charging' WHERE id = $1 AND status = 'open' RETURNING amount_cents",
        invoice_id);
    if (claim.affected_rows() != 1)
      return;
    cents = claim[0][0].as<long>();
    w.commit();
  }
  const bool ok = charge_card(card, cents);
  pqxx::work w(c);
  w.exec_params("UPDATE invoices SET status = $1 WHERE id = $2", ok ? "paid" : "open", invoice_id);
  w.commit();
}

// case: unsafe
// Partial refunds: the refunded total is computed in C++ and written back,
// so two refunds can exceed the payment.
bool refund(pqxx::work &w, int payment_id, long cents) {
  pqxx::row p = w.exec_params1("SELECT amount_cents, refunded_cents FROM payments WHERE id = $1", payment_id); // expect: dbrace-unlocked-read-update
  const long refunded = p[1].as<long>() + cents;
  if (refunded > p[0].as<long>())
    return false;
  w.exec_params("UPDATE payments SET refunded_cents = $1 WHERE id = $2", refunded, payment_id);
  return true;
}

// case: safe
// Prepared statements, the read one locking.
bool refund_prepared(pqxx::connection &c, int payment_id, long cents) {
  c.prepare("payment_for_refund", "SELECT amount_cents, refunded_cents FROM payments WHERE id = $1 FOR UPDATE");
  c.prepare("set_refunded", "UPDATE payments SET refunded_cents = $1 WHERE id = $2");
  pqxx::work w(c);
  pqxx::row p = w.exec_prepared1("payment_for_refund", payment_id);
  const long refunded = p[1].as<long>() + cents;
  if (refunded > p[0].as<long>())
    return false;
  w.exec_prepared("set_refunded", refunded, payment_id);
  w.commit();
  return true;
}

// case: unsafe
// Prepared statements, the read not locking.
bool refund_prepared_unlocked(pqxx::connection &c, int payment_id, long cents) {
  c.prepare("payment_amounts", "SELECT amount_cents, refunded_cents FROM payments WHERE id = $1");
  c.prepare("add_refunded", "UPDATE payments SET refunded_cents = refunded_cents + $1 WHERE id = $2");
  pqxx::work w(c);
  pqxx::row p = w.exec_prepared1("payment_amounts", payment_id); // expect: dbrace-unlocked-read-update
  if (p[1].as<long>() + cents > p[0].as<long>())
    return false;
  w.exec_prepared("add_refunded", cents, payment_id);
  w.commit();
  return true;
}

// case: safe
// The refund checks the limit in its WHERE and the row count is checked; the
// earlier read only fills the receipt.
std::string refund_atomic(pqxx::work &w, int payment_id, long cents) {
  pqxx::row p = w.exec_params1("SELECT currency, amount_cents FROM payments WHERE id = $1", payment_id);
  pqxx::result u = w.exec_params("UPDATE payments SET refunded_cents = refunded_cents + $1 "
                                 "WHERE id = $2 AND refunded_cents + $1 <= amount_cents",
                                 cents, payment_id);
  if (u.affected_rows() == 0)
    return "refund exceeds payment";
  return "refunded " + std::to_string(cents) + " " + p[0].as<std::string>();
}

} // namespace payments
