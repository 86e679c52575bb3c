// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx

// A read that only finds which row to change (its key, or that it exists)
// decides nothing a concurrent request could make stale, as long as the
// write's values do not come from it. A read that decides on the row's
// contents, in its WHERE or in C++, still races.

#include <pqxx/pqxx>
#include <string>

// The id found by e-mail keys the update; the new name comes from the
// caller: nothing read is written back.
void rename_user(pqxx::work &w, const std::string &email,
                 const std::string &name) {
  pqxx::result r =
      w.exec_params("SELECT id FROM users WHERE email = $1", email);
  if (r.empty())
    return;
  w.exec_params("UPDATE users SET name = $1 WHERE id = $2", name,
                r[0][0].as<int>());
}

// Whether the row exists decides a delete of that row.
void forget_session(pqxx::work &w, const std::string &token) {
  pqxx::result r =
      w.exec_params("SELECT 1 FROM sessions WHERE token = $1", token);
  if (!r.empty())
    w.exec_params("DELETE FROM sessions WHERE token = $1", token);
}

// The read's WHERE decides on the coupon's contents (`used = false`): two
// requests both find it unused and both use it.
void use_coupon(pqxx::work &w, const std::string &code, int order) {
  pqxx::result r = w.exec_params(
      "SELECT id FROM coupons WHERE code = $1 AND used = false", code);
  if (r.empty())
    return;
  w.exec_params("UPDATE coupons SET used = true, order_id = $1 WHERE id = $2",
                order, r[0][0].as<int>());
}
// CHECK-NOTES: :[[@LINE-7]]:20: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'coupons' is updated here
// CHECK-FIXES: "SELECT id FROM coupons WHERE code = $1 AND used = false FOR UPDATE", code);

// A free seat found by a condition on its contents: double booking.
void take_seat(pqxx::work &w, int event, int user) {
  pqxx::result r = w.exec_params("SELECT id FROM seats WHERE event_id = $1 "
                                 "AND holder IS NULL LIMIT 1",
                                 event);
  if (r.empty())
    return;
  w.exec_params("UPDATE seats SET holder = $1 WHERE id = $2", user,
                r[0][0].as<int>());
}
// CHECK-NOTES: :[[@LINE-8]]:20: warning: 'seats' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'seats' is updated here
// CHECK-FIXES: "AND holder IS NULL LIMIT 1 FOR UPDATE",

// The id is the key, but the balance read is written back: a lost update.
void credit(pqxx::work &w, const std::string &owner, long amount) {
  pqxx::result r = w.exec_params(
      "SELECT id, balance FROM wallets WHERE owner = $1", owner);
  long balance = r[0][1].as<long>();
  w.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2",
                balance + amount, r[0][0].as<int>());
}
// CHECK-NOTES: :[[@LINE-6]]:20: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'wallets' is updated here
// CHECK-FIXES: "SELECT id, balance FROM wallets WHERE owner = $1 FOR UPDATE", owner);
