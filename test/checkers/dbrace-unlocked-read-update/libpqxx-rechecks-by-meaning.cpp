// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx

// A write whose affected-row count is checked is safe only when its WHERE
// re-asserts what the read decided on. Which columns find the row and which
// re-assert a value follows from the read's SQL, not from column names.

#include <pqxx/pqxx>
#include <string>

// A natural key of two columns: `label` finds the row like `site_id` does,
// so the update re-asserts nothing and two requests both take the locker.
bool take_locker(pqxx::work &w, int site, const std::string &label,
                 const std::string &who) {
  pqxx::result r = w.exec_params(
      "SELECT holder FROM lockers WHERE site_id = $1 AND label = $2", site,
      label);
  if (!r[0][0].is_null())
    return false;
  pqxx::result u = w.exec_params(
      "UPDATE lockers SET holder = $1 WHERE site_id = $2 AND label = $3", who,
      site, label);
  return u.affected_rows() == 1;
}
// CHECK-NOTES: :[[@LINE-10]]:20: warning: 'lockers' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-8]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:20: note: 'lockers' is updated here
// CHECK-FIXES: "SELECT holder FROM lockers WHERE site_id = $1 AND label = $2 FOR UPDATE", site,

// A row count of one proves nothing when the WHERE is only the row's key:
// both requests update the same room and both see one row changed.
bool book_room(pqxx::work &w, int hotel, int room) {
  pqxx::result r = w.exec_params(
      "SELECT state FROM rooms WHERE hotel_id = $1 AND room_no = $2", hotel,
      room);
  if (r[0][0].as<std::string>() != "free")
    return false;
  pqxx::result u = w.exec_params(
      "UPDATE rooms SET state = 'taken' WHERE hotel_id = $1 AND room_no = $2",
      hotel, room);
  return u.affected_rows() == 1;
}
// CHECK-NOTES: :[[@LINE-10]]:20: warning: 'rooms' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-8]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:20: note: 'rooms' is updated here
// CHECK-FIXES: "SELECT state FROM rooms WHERE hotel_id = $1 AND room_no = $2 FOR UPDATE", hotel,

// The update re-asserts the state the read returned, on a column the read
// did not find its row by, and its row count decides: safe.
bool pay_order(pqxx::work &w, int order) {
  pqxx::result r =
      w.exec_params("SELECT status FROM orders WHERE id = $1", order);
  if (r[0][0].as<std::string>() != "open")
    return false;
  pqxx::result u = w.exec_params(
      "UPDATE orders SET status = 'paid' WHERE id = $1 AND status = 'open'",
      order);
  return u.affected_rows() == 1;
}

// The same with a natural key: `code` finds the coupon, `uses_left` is
// re-asserted.
bool redeem(pqxx::work &w, const std::string &code) {
  pqxx::result r = w.exec_params(
      "SELECT uses_left FROM coupons WHERE code = $1", code);
  if (r[0][0].as<int>() <= 0)
    return false;
  pqxx::result u = w.exec_params("UPDATE coupons SET uses_left = uses_left - 1 "
                                 "WHERE code = $1 AND uses_left > 0",
                                 code);
  return u.affected_rows() == 1;
}

// A counter the write advances and compares, whatever it is called.
bool withdraw(pqxx::work &w, int account, long amount) {
  pqxx::result r = w.exec_params(
      "SELECT balance, revision FROM accounts WHERE id = $1", account);
  long balance = r[0][0].as<long>();
  int revision = r[0][1].as<int>();
  if (balance < amount)
    return false;
  pqxx::result u = w.exec_params(
      "UPDATE accounts SET balance = $1, revision = revision + 1 "
      "WHERE id = $2 AND revision = $3",
      balance - amount, account, revision);
  return u.affected_rows() == 1;
}

// A column called `version` is no protection when it is only compared to a
// constant the read did not return.
bool archive(pqxx::work &w, int doc) {
  pqxx::result r =
      w.exec_params("SELECT pages FROM documents WHERE id = $1", doc);
  if (r[0][0].as<int>() > 100)
    return false;
  pqxx::result u = w.exec_params(
      "UPDATE documents SET archived = true WHERE id = $1 AND version = 2",
      doc);
  return u.affected_rows() == 1;
}
// CHECK-NOTES: :[[@LINE-8]]:7: warning: 'documents' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-8]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:20: note: 'documents' is updated here
// CHECK-FIXES: w.exec_params("SELECT pages FROM documents WHERE id = $1 FOR UPDATE", doc);

// One table however it is spelt: schema-qualified, quoted, upper case.
void spellings(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params(
      "SELECT available_seats FROM public.events WHERE id = $1", id);
  if (r[0][0].as<int>() > 0)
    w.exec_params("UPDATE \"events\" SET available_seats = available_seats - 1 "
                  "WHERE ID = $1",
                  id);
}
// CHECK-NOTES: :[[@LINE-7]]:20: warning: 'public.events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'events' is updated here
// CHECK-FIXES: "SELECT available_seats FROM public.events WHERE id = $1 FOR UPDATE", id);

// The read decides on a column the write leaves alone, and the write
// re-asserts the one it changes: of two requests that both pass the check,
// only one changes the row, and neither changes what the other checked.
std::string claim_reward(pqxx::work &w, int reward) {
  pqxx::result r =
      w.exec_params("SELECT expires_at < now() FROM rewards WHERE id = $1", reward);
  if (r[0][0].as<bool>())
    return "expired";
  pqxx::result u = w.exec_params(
      "UPDATE rewards SET claimed = true WHERE id = $1 AND NOT claimed", reward);
  return u.affected_rows() == 1 ? "ok" : "already claimed";
}

// The same write, but the read returned the column it changes: the check
// and the write's own condition are one decision.
std::string claim_reward_twice_checked(pqxx::work &w, int reward) {
  pqxx::result r =
      w.exec_params("SELECT claimed FROM rewards WHERE id = $1", reward);
  if (r[0][0].as<bool>())
    return "already claimed";
  pqxx::result u = w.exec_params(
      "UPDATE rewards SET claimed = true WHERE id = $1 AND NOT claimed", reward);
  return u.affected_rows() == 1 ? "ok" : "already claimed";
}

// Its row count is not checked: both requests go on as if they had won.
bool claim_reward_unchecked(pqxx::work &w, int reward) {
  pqxx::result r =
      w.exec_params("SELECT expires_at < now() FROM rewards WHERE id = $1", reward);
  if (r[0][0].as<bool>())
    return false;
  w.exec_params("UPDATE rewards SET claimed = true WHERE id = $1 AND NOT claimed", reward);
  return true;
}
// CHECK-NOTES: :[[@LINE-6]]:7: warning: 'rewards' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'rewards' is updated here
// CHECK-FIXES: w.exec_params("SELECT expires_at < now() FROM rewards WHERE id = $1 FOR UPDATE", reward);
