// RUN: %check_dbrace --check-suffix=SCHEMA %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {SchemaFiles: '%inputs/schema/rows.sql'}}" -- -isystem %inputs/pqxx
// RUN: %check_dbrace --check-suffix=SCHEMA %s dbrace-unlocked-read-update %t.real -- --config="{CheckOptions: {SchemaFiles: '%inputs/schema/rows.sql'}}"
// RUN: %check_dbrace --check-suffix=NONE %s dbrace-unlocked-read-update %t.none -- -- -isystem %inputs/pqxx

// With a schema, a table's primary and unique keys say which of a WHERE's
// equalities name the row; the others are conditions on its contents. In
// rows.sql, coupons has the key id and the unique code, accounts the key id,
// rooms the key (hotel_id, room_no).

#include <pqxx/pqxx>
#include <string>

struct Transfer {
  long amount;
  std::string currency;
};

// The read found an unused coupon by its code; the write, by the same code,
// asserts `used = false` again and its row count is checked: it claims the
// coupon only if nobody did meanwhile. Without a schema, `used = false` may
// as well be part of the row's key, but the write sets `used` itself: a
// second request's write matches no row whatever the keys are, and nothing
// is said either.
bool redeem(pqxx::work &w, const std::string &code) {
  pqxx::result r = w.exec_params("SELECT id FROM coupons WHERE code = $1 AND used = false", code);
  if (r.empty())
    return false;
  pqxx::result u = w.exec_params("UPDATE coupons SET used = true WHERE code = $1 AND used = false", code);
  return u.affected_rows() == 1;
}

// The same through the primary key the read returned: the write's WHERE is
// the key plus the condition the read decided on. (Without a schema it is
// not reported either: the id the read returned looks like a re-asserted
// value, see claim_by_returned_id.)
bool redeem_by_id(pqxx::work &w, const std::string &code) {
  pqxx::result r = w.exec_params("SELECT id FROM coupons WHERE code = $1 AND used = false", code);
  if (r.empty())
    return false;
  long id = r[0][0].as<long>();
  pqxx::result u = w.exec_params("UPDATE coupons SET used = true WHERE id = $1 AND used = false", id);
  return u.affected_rows() == 1;
}

// The read returns the key and the value decided on; the write finds the
// row by the key alone, and its row count says only that the row exists.
// Both requests claim the coupon. Without a schema, `id = $1` bound to a
// value the read returned looks like a re-asserted value (as `status = $2`
// would be), and nothing is said.
bool claim_by_returned_id(pqxx::work &w, const std::string &code) {
  pqxx::result r = w.exec_params("SELECT id, used FROM coupons WHERE code = $1", code);
  if (r.empty() || r[0][1].as<bool>())
    return false;
  pqxx::result u = w.exec_params("UPDATE coupons SET used = true WHERE id = $1", r[0][0].as<long>());
  return u.affected_rows() == 1;
}
// CHECK-NOTES-SCHEMA: :[[@LINE-6]]:20: warning: 'coupons' is read without a lock and then written based on the value;
// CHECK-NOTES-SCHEMA: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES-SCHEMA: :[[@LINE-5]]:20: note: 'coupons' is updated here
// CHECK-FIXES-SCHEMA: pqxx::result r = w.exec_params("SELECT id, used FROM coupons WHERE code = $1 FOR UPDATE", code);

// The write's extra column is outside the key but says nothing about what
// the read decided (`used`): its row count protects nothing. Reported with
// and without a schema.
bool redeem_for_owner(pqxx::work &w, long id, long owner) {
  pqxx::result r = w.exec_params("SELECT used FROM coupons WHERE id = $1", id);
  if (r[0][0].as<bool>())
    return false;
  pqxx::result u = w.exec_params("UPDATE coupons SET used = true WHERE id = $1 AND owner_id = $2", id, owner);
  return u.affected_rows() == 1;
}
// CHECK-NOTES-SCHEMA: :[[@LINE-6]]:20: warning: 'coupons' is read without a lock and then written based on the value;
// CHECK-NOTES-SCHEMA: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES-SCHEMA: :[[@LINE-5]]:20: note: 'coupons' is updated here
// CHECK-FIXES-SCHEMA: pqxx::result r = w.exec_params("SELECT used FROM coupons WHERE id = $1 FOR UPDATE", id);
// CHECK-NOTES-NONE: :[[@LINE-10]]:20: warning: 'coupons' is read without a lock and then written based on the value;
// CHECK-NOTES-NONE: :[[@LINE-10]]:7: note: the value read is checked here
// CHECK-NOTES-NONE: :[[@LINE-9]]:20: note: 'coupons' is updated here
// CHECK-FIXES-NONE: pqxx::result r = w.exec_params("SELECT used FROM coupons WHERE id = $1 FOR UPDATE", id);

// Read and write find the account by its key, bound to the same id; the
// currency each also compares comes from different variables, but it is a
// condition on the row, not its identity: one row, a lost update. Without a
// schema the two currencies may name different rows, and nothing is said.
void debit(pqxx::work &w, long id, const std::string &currency, const Transfer &t) {
  pqxx::result r = w.exec_params("SELECT balance FROM accounts WHERE id = $1 AND currency = $2", id, currency);
  long balance = r[0][0].as<long>();
  if (balance >= t.amount)
    w.exec_params("UPDATE accounts SET balance = $1 WHERE id = $2 AND currency = $3", balance - t.amount, id, t.currency);
}
// CHECK-NOTES-SCHEMA: :[[@LINE-5]]:20: warning: 'accounts' is read without a lock and then written based on the value;
// CHECK-NOTES-SCHEMA: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES-SCHEMA: :[[@LINE-4]]:5: note: 'accounts' is updated here
// CHECK-FIXES-SCHEMA: pqxx::result r = w.exec_params("SELECT balance FROM accounts WHERE id = $1 AND currency = $2 FOR UPDATE", id, currency);

// Keys bound to different values still name different rows with a schema:
// the balance of one account decides a write of another.
void move_between(pqxx::work &w, long from, long to, const std::string &currency) {
  pqxx::result r = w.exec_params("SELECT balance FROM accounts WHERE id = $1 AND currency = $2", from, currency);
  if (r[0][0].as<long>() > 0)
    w.exec_params("UPDATE accounts SET balance = balance + 1 WHERE id = $1 AND currency = $2", to, currency);
}

// A composite key: the floor the write also compares is not part of it, so
// it does not tell the room apart from the one the read found; the state the
// read decided on is not re-asserted. One room, booked twice.
bool book_room(pqxx::work &w, long hotel, int room, int floor, int wanted_floor) {
  pqxx::result r = w.exec_params("SELECT state FROM rooms WHERE hotel_id = $1 AND room_no = $2 AND floor = $3", hotel, room, floor);
  if (r[0][0].as<std::string>() != "free")
    return false;
  pqxx::result u = w.exec_params("UPDATE rooms SET state = 'taken' WHERE hotel_id = $1 AND room_no = $2 AND floor = $3", hotel, room, wanted_floor);
  return u.affected_rows() == 1;
}
// CHECK-NOTES-SCHEMA: :[[@LINE-6]]:20: warning: 'rooms' is read without a lock and then written based on the value;
// CHECK-NOTES-SCHEMA: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES-SCHEMA: :[[@LINE-5]]:20: note: 'rooms' is updated here
// CHECK-FIXES-SCHEMA: pqxx::result r = w.exec_params("SELECT state FROM rooms WHERE hotel_id = $1 AND room_no = $2 AND floor = $3 FOR UPDATE", hotel, room, floor);
