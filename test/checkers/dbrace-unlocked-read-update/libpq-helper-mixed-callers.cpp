// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/libpq
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -isystem /usr/include/postgresql

#include <libpq-fe.h>
#include <cstdlib>

// A helper whose read-check-write runs on its caller's connection, called
// inside a transaction, outside one where a transaction fits around the
// call, and outside one where none does. A lock clause in its read would
// end with its own statement for the last: no caller is offered it.
static bool redeem_coupon(PGconn *conn, const char *code) {
  const char *params[1] = {code};
  PGresult *r = PQexecParams(conn, "SELECT uses_left FROM coupons WHERE code = $1",
                             1, nullptr, params, nullptr, nullptr, 0);
  int left = std::atoi(PQgetvalue(r, 0, 0));
  PQclear(r);
  if (left <= 0)
    return false;
  PQclear(PQexecParams(conn, "UPDATE coupons SET uses_left = uses_left - 1 WHERE code = $1",
                       1, nullptr, params, nullptr, nullptr, 0));
  return true;
}

bool checkout(PGconn *conn, const char *code) {
  PQclear(PQexec(conn, "BEGIN"));
  bool ok = redeem_coupon(conn, code);
  PQclear(PQexec(conn, ok ? "COMMIT" : "ROLLBACK"));
  return ok;
}
// CHECK-NOTES: :[[@LINE-4]]:13: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :13:17: note: the value is read here, in 'redeem_coupon'
// CHECK-NOTES: :17:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:13: note: 'coupons' is updated by this call
// CHECK-NOTES: :19:11: note: 'coupons' is updated here, in 'redeem_coupon'
// CHECK-NOTES: :[[@LINE-10]]:11: note: the transaction begins here
// CHECK-NOTES: :13:17: note: a lock here would end with its statement where 'redeem_coupon' runs outside a transaction (called by 'apply_in_kiosk'); give the callers that need it locked ('checkout', 'apply_at_till') a variant of 'redeem_coupon' that locks the row it reads, called in a transaction

bool apply_at_till(PGconn *conn, const char *code) {
  bool ok = redeem_coupon(conn, code);
  return ok;
}
// CHECK-NOTES: :[[@LINE-3]]:13: warning: 'coupons' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
// CHECK-NOTES: :13:17: note: the value is read here, in 'redeem_coupon'
// CHECK-NOTES: :17:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:13: note: 'coupons' is updated by this call
// CHECK-NOTES: :19:11: note: 'coupons' is updated here, in 'redeem_coupon'
// CHECK-NOTES: :13:17: note: a lock here would end with its statement where 'redeem_coupon' runs outside a transaction (called by 'apply_in_kiosk'); give the callers that need it locked ('checkout', 'apply_at_till') a variant of 'redeem_coupon' that locks the row it reads, called in a transaction

// No place for the COMMIT after the call.
bool apply_in_kiosk(PGconn *conn, const char *code) {
  return redeem_coupon(conn, code);
}
// CHECK-NOTES: :[[@LINE-2]]:10: warning: 'coupons' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
// CHECK-NOTES: :13:17: note: the value is read here, in 'redeem_coupon'
// CHECK-NOTES: :17:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:10: note: 'coupons' is updated by this call
// CHECK-NOTES: :19:11: note: 'coupons' is updated here, in 'redeem_coupon'
// CHECK-NOTES: :[[@LINE-7]]:10: note: to run the read and the write in one transaction, write 'PQclear(PQexec(conn, "BEGIN"));' before the read and 'PQclear(PQexec(conn, "COMMIT"));' on each normal exit after the write

// The same helper whose callers outside a transaction all have one opened
// around the call: the lock in its read serves every call, given once.
static bool take_credit(PGconn *conn, const char *user) {
  const char *params[1] = {user};
  PGresult *r = PQexecParams(conn, "SELECT credits FROM accounts WHERE id = $1",
                             1, nullptr, params, nullptr, nullptr, 0);
  // CHECK-FIXES: PGresult *r = PQexecParams(conn, "SELECT credits FROM accounts WHERE id = $1 FOR UPDATE",
  int credits = std::atoi(PQgetvalue(r, 0, 0));
  PQclear(r);
  if (credits <= 0)
    return false;
  PQclear(PQexecParams(conn, "UPDATE accounts SET credits = credits - 1 WHERE id = $1",
                       1, nullptr, params, nullptr, nullptr, 0));
  return true;
}

bool spend_in_transaction(PGconn *conn, const char *user) {
  PQclear(PQexec(conn, "BEGIN"));
  bool ok = take_credit(conn, user);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'accounts' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  // CHECK-NOTES: :64:17: note: the value is read here, in 'take_credit'
  // CHECK-NOTES: :69:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-4]]:13: note: 'accounts' is updated by this call
  // CHECK-NOTES: :71:11: note: 'accounts' is updated here, in 'take_credit'
  // CHECK-NOTES: :[[@LINE-7]]:11: note: the transaction begins here
  PQclear(PQexec(conn, ok ? "COMMIT" : "ROLLBACK"));
  return ok;
}

bool spend(PGconn *conn, const char *user) {
  bool ok = take_credit(conn, user);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'accounts' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  // CHECK-NOTES: :64:17: note: the value is read here, in 'take_credit'
  // CHECK-NOTES: :69:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-4]]:13: note: 'accounts' is updated by this call
  // CHECK-NOTES: :71:11: note: 'accounts' is updated here, in 'take_credit'
  return ok;
}
// CHECK-FIXES: bool spend(PGconn *conn, const char *user) {
// CHECK-FIXES-NEXT: PQclear(PQexec(conn, "BEGIN"));
// CHECK-FIXES-NEXT: bool ok = take_credit(conn, user);

// A helper reached through another that passes its caller's connection on:
// the callers of the outer one are the calls that count.
static bool take_ticket(PGconn *conn, const char *show) {
  const char *params[1] = {show};
  PGresult *r = PQexecParams(conn, "SELECT tickets_left FROM shows WHERE id = $1",
                             1, nullptr, params, nullptr, nullptr, 0);
  int left = std::atoi(PQgetvalue(r, 0, 0));
  PQclear(r);
  if (left <= 0)
    return false;
  PQclear(PQexecParams(conn, "UPDATE shows SET tickets_left = tickets_left - 1 WHERE id = $1",
                       1, nullptr, params, nullptr, nullptr, 0));
  return true;
}

static bool take_ticket_for_member(PGconn *conn, const char *show) {
  return take_ticket(conn, show);
}

bool sell_in_transaction(PGconn *conn, const char *show) {
  PQclear(PQexec(conn, "BEGIN"));
  bool ok = take_ticket_for_member(conn, show);
  PQclear(PQexec(conn, ok ? "COMMIT" : "ROLLBACK"));
  return ok;
}
// CHECK-NOTES: :[[@LINE-4]]:13: warning: 'shows' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :106:17: note: the value is read here, in 'take_ticket'
// CHECK-NOTES: :110:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:13: note: 'shows' is updated by this call
// CHECK-NOTES: :112:11: note: 'shows' is updated here, in 'take_ticket'
// CHECK-NOTES: :[[@LINE-10]]:11: note: the transaction begins here
// CHECK-NOTES: :106:17: note: a lock here would end with its statement where 'take_ticket' runs outside a transaction (called by 'sell_at_door'); give the callers that need it locked ('sell_in_transaction') a variant of 'take_ticket' that locks the row it reads, called in a transaction

bool sell_at_door(PGconn *conn, const char *show) {
  return take_ticket_for_member(conn, show);
}
// CHECK-NOTES: :[[@LINE-2]]:10: warning: 'shows' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
// CHECK-NOTES: :106:17: note: the value is read here, in 'take_ticket'
// CHECK-NOTES: :110:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:10: note: 'shows' is updated by this call
// CHECK-NOTES: :112:11: note: 'shows' is updated here, in 'take_ticket'
// CHECK-NOTES: :[[@LINE-7]]:10: note: to run the read and the write in one transaction, write 'PQclear(PQexec(conn, "BEGIN"));' before the read and 'PQclear(PQexec(conn, "COMMIT"));' on each normal exit after the write
