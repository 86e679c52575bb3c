// Claiming a one-per-customer coupon with libpqxx: check, then insert.
//
// Every client counts the customer's claims, finds none, and inserts one:
// the customer ends up with a row per client. No row lock can help, since
// the row does not exist yet. dbrace flags the check
// (dbrace-check-then-insert) and has no fix-it; its note suggests a unique
// constraint with ON CONFLICT DO NOTHING and a check of the affected rows,
// which fix.patch applies.

#include "window.h"

#include <pqxx/pqxx>

#include <string>

// Returns 1 when the coupon was claimed, 0 when the customer had it.
int claim_coupon(pqxx::connection &c, int customer, const std::string &code) {
  pqxx::work w(c);
  const int claimed = w.exec_params1("SELECT count(*) FROM claims WHERE customer = $1 AND code = $2",
                                     customer, code)[0].as<int>();
  if (claimed > 0)
    return 0;
  race_window();
  w.exec_params("INSERT INTO claims(customer, code) VALUES ($1, $2)", customer, code);
  w.commit();
  return 1;
}

// The harness calls this once per client: all for the same customer.
int scenario_request(pqxx::connection &c, int) { return claim_coupon(c, 42, "WELCOME"); }
