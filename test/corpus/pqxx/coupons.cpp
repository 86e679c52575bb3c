// FLAGS: -isystem %inputs/pqxx
// Coupons: single-use codes, limited uses, per-user redemptions.
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>

namespace coupons {

// case: unsafe
// A single-use code used twice.
bool redeem(pqxx::work &w, const std::string &code) {
  pqxx::row coupon = w.exec_params1("SELECT used FROM coupons WHERE code = $1", code); // expect: dbrace-unlocked-read-update
  if (coupon[0].as<bool>())
    return false;
  w.exec_params("UPDATE coupons SET used = true WHERE code = $1", code);
  return true;
}

// case: unsafe
// A counter of remaining uses decremented after the check.
bool redeem_limited(pqxx::work &w, const std::string &code) {
  const int left = w.exec_params1("SELECT uses_left FROM coupons WHERE code = $1", code)[0].as<int>(); // expect: dbrace-unlocked-read-update
  if (left == 0)
    return false;
  w.exec_params("UPDATE coupons SET uses_left = uses_left - 1 WHERE code = $1", code);
  return true;
}

// case: safe
// The read checks expiry for the message; the write marks the coupon used
// only if it is still unused, and its row count is checked.
std::string redeem_checked(pqxx::work &w, const std::string &code) {
  pqxx::result r = w.exec_params("SELECT expired FROM coupons WHERE code = $1", code);
  if (r.empty())
    return "unknown code";
  if (r[0][0].as<bool>())
    return "expired";
  pqxx::result u = w.exec_params("UPDATE coupons SET used = true WHERE code = $1 AND NOT used", code);
  if (u.affected_rows() == 0)
    return "already used";
  return "ok";
}

// case: unsafe
// The discount goes to the order (another table), but the coupon is marked
// used under the same stale check: two orders get the discount.
void apply_to_order(pqxx::connection &c, int order_id, const std::string &code) {
  pqxx::work w(c);
  pqxx::row cp = w.exec_params1("SELECT discount_cents, used FROM coupons WHERE code = $1", code); // expect: dbrace-unlocked-read-update
  if (!cp[1].as<bool>()) {
    w.exec_params("UPDATE orders SET total_cents = total_cents - $1 WHERE id = $2", cp[0].as<int>(), order_id);
    w.exec_params("UPDATE coupons SET used = true WHERE code = $1", code);
  }
  w.commit();
}

// case: unsafe
// Once per user: "no redemption yet, so insert one".
bool redeem_once_per_user(pqxx::work &w, const std::string &code, int user_id) {
  int n = w.exec_params1("SELECT count(*) FROM coupon_redemptions WHERE code = $1 AND user_id = $2", code, user_id)[0].as<int>(); // expect: dbrace-check-then-insert
  if (n > 0)
    return false;
  w.exec_params("INSERT INTO coupon_redemptions (code, user_id) VALUES ($1, $2)", code, user_id);
  return true;
}

// case: unsafe
// FOR UPDATE locks no row that does not exist yet.
bool redeem_once_locked_nothing(pqxx::work &w, const std::string &code, int user_id) {
  pqxx::result r = w.exec_params( // expect: dbrace-check-then-insert
      "SELECT id FROM coupon_redemptions WHERE code = $1 AND user_id = $2 FOR UPDATE", code, user_id);
  if (!r.empty())
    return false;
  w.exec_params("INSERT INTO coupon_redemptions (code, user_id) VALUES ($1, $2)", code, user_id);
  return true;
}

// case: safe
// A unique constraint decides, and the inserted row count is checked; the
// read before it only gives a friendlier answer.
bool redeem_once_on_conflict(pqxx::work &w, const std::string &code, int user_id) {
  pqxx::result seen = w.exec_params(
      "SELECT 1 FROM coupon_redemptions WHERE code = $1 AND user_id = $2", code, user_id);
  if (!seen.empty())
    return false;
  pqxx::result ins = w.exec_params(
      "INSERT INTO coupon_redemptions (code, user_id) VALUES ($1, $2) ON CONFLICT (code, user_id) DO NOTHING",
      code, user_id);
  return ins.affected_rows() == 1;
}

// case: safe
// The parent coupon row is locked first: every redeemer of this code waits
// on it, so counting the children and inserting is serialised.
bool redeem_capped_parent_locked(pqxx::work &w, const std::string &code, int user_id) {
  const int max_uses = w.exec_params1("SELECT max_uses FROM coupons WHERE code = $1 FOR UPDATE", code)[0].as<int>();
  const int used = w.exec_params1("SELECT count(*) FROM coupon_redemptions WHERE code = $1", code)[0].as<int>();
  if (used >= max_uses)
    return false;
  w.exec_params("INSERT INTO coupon_redemptions (code, user_id) VALUES ($1, $2)", code, user_id);
  return true;
}

// case: unsafe
// The same without the parent lock: the cap is exceeded.
bool redeem_capped(pqxx::work &w, const std::string &code, int user_id) {
  const int max_uses = w.exec_params1("SELECT max_uses FROM coupons WHERE code = $1", code)[0].as<int>();
  const int used = w.exec_params1("SELECT count(*) FROM coupon_redemptions WHERE code = $1", code)[0].as<int>(); // expect: dbrace-check-then-insert
  if (used >= max_uses)
    return false;
  w.exec_params("INSERT INTO coupon_redemptions (code, user_id) VALUES ($1, $2)", code, user_id);
  return true;
}

// case: safe
// The coupon's value is read to price the cart and never decides a write of
// the coupon; the cart total is another table.
long price_cart(pqxx::work &w, int cart_id, const std::string &code) {
  long total = w.exec_params1("SELECT total_cents FROM carts WHERE id = $1 FOR UPDATE", cart_id)[0].as<long>();
  pqxx::result cp = w.exec_params("SELECT discount_cents FROM coupons WHERE code = $1", code);
  if (!cp.empty())
    total -= cp[0][0].as<long>();
  w.exec_params("UPDATE carts SET quoted_cents = $1 WHERE id = $2", total, cart_id);
  return total;
}

} // namespace coupons
