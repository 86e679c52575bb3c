// Coupon redemption with libpqxx: the row is locked, but in autocommit.
//
// pqxx::nontransaction commits every statement on its own, so the lock
// taken by FOR UPDATE ends with the SELECT: every client still reads the
// same uses left, and the coupon is redeemed more often than its limit.
// dbrace flags the read (dbrace-lock-without-transaction); its fix-it makes
// the nontransaction a pqxx::work, committed on each normal exit.

#include "window.h"

#include <pqxx/pqxx>

// Returns 1 when the coupon was redeemed, 0 when it was used up.
int redeem(pqxx::connection &c, const std::string &code, int order) {
  pqxx::nontransaction n(c);
  pqxx::row coupon = n.exec_params1("SELECT uses_left FROM coupons WHERE code = $1 FOR UPDATE", code);
  if (coupon[0].as<int>() <= 0)
    return 0;
  race_window();
  n.exec_params("UPDATE coupons SET uses_left = uses_left - 1 WHERE code = $1", code);
  n.exec_params("INSERT INTO redemptions(code, order_id) VALUES ($1, $2)", code, order);
  return 1;
}

// The harness calls this once per client.
int scenario_request(pqxx::connection &c, int client) { return redeem(c, "SPRING", client); }
