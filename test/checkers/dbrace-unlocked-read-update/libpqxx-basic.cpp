// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <pqxx/pqxx>
#include <string>

// The ticket booking of the README: a transaction, but no lock.
void book_ticket(pqxx::connection &c, int event_id) {
  pqxx::work w(c);
  pqxx::result r = w.exec("SELECT available_seats FROM events WHERE id = " + w.quote(event_id));
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (r[0][0].as<int>() > 0)
    w.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + w.quote(event_id));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:14: note: the transaction begins here
  w.commit();
}
// CHECK-FIXES: pqxx::result r = w.exec("SELECT available_seats FROM events WHERE id = " + w.quote(event_id) + " FOR UPDATE");

// The same with no transaction at all: a lock alone would not help, so the
// fix-it also turns the nontransaction into a work and commits it.
void book_autocommit(pqxx::connection &c, int event_id) {
  pqxx::nontransaction n(c);
  pqxx::result r = n.exec("SELECT available_seats FROM events WHERE id = " + n.quote(event_id));
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'events' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (r[0][0].as<int>() > 0)
    n.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + n.quote(event_id));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
}
// CHECK-FIXES: {{^}}  pqxx::work n(c);{{$}}
// CHECK-FIXES-NEXT: {{^}}  pqxx::result r = n.exec("SELECT available_seats FROM events WHERE id = " + n.quote(event_id) + " FOR UPDATE");{{$}}
// CHECK-FIXES: {{^}}  n.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// Parameters, an early return, and the clause inside the literal.
bool redeem_coupon(pqxx::work &w, const std::string &code) {
  pqxx::row coupon = w.exec_params1("SELECT used FROM coupons WHERE code = $1", code);
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'coupons' is read without a lock and then written based on the value; the transaction alone
  if (coupon[0].as<bool>())
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  w.exec_params("UPDATE coupons SET used = true WHERE code = $1", code);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'coupons' is updated here
  return true;
}
// CHECK-FIXES: pqxx::row coupon = w.exec_params1("SELECT used FROM coupons WHERE code = $1 FOR UPDATE", code);

// Read-modify-write: the new balance is computed in C++ (a lost update).
void pay(pqxx::work &w, int wallet, int amount) {
  int balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1", wallet)[0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a lock
  w.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2", balance - amount, wallet);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
}
// CHECK-FIXES: int balance = w.exec_params1("SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", wallet)[0].as<int>();

// A flag computed earlier, a loop over rows, and LIMIT before the clause.
void restock(pqxx::work &w, int product) {
  pqxx::result rows = w.exec_params("SELECT stock FROM products WHERE id = $1 LIMIT 1", product);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'products' is read without a lock
  bool low = false;
  for (const auto &row : rows)
    low = row["stock"].as<int>() < 5;
  if (low)
    w.exec_params("UPDATE products SET stock = stock + 100 WHERE id = $1", product);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
}
// CHECK-FIXES: pqxx::result rows = w.exec_params("SELECT stock FROM products WHERE id = $1 LIMIT 1 FOR UPDATE", product);

// SQL in a constant that only this read uses: the constant is fixed.
static const char *const kCreditsQuery = "SELECT credits FROM accounts WHERE id = $1;";
void spend_credit(pqxx::work &w, int account) {
  pqxx::row r = w.exec_params1(kCreditsQuery, account);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'accounts' is read without a lock
  if (r[0].as<int>() >= 1)
    w.exec_params("DELETE FROM accounts WHERE id = $1", account);
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'accounts' is deleted from here
}
// CHECK-FIXES: static const char *const kCreditsQuery = "SELECT credits FROM accounts WHERE id = $1 FOR UPDATE;";

// ---- Not flagged ----

// The locked version.
void book_locked(pqxx::connection &c, int event_id) {
  pqxx::work w(c);
  pqxx::result r = w.exec("SELECT available_seats FROM events WHERE id = " + w.quote(event_id) + " FOR UPDATE");
  if (r[0][0].as<int>() > 0)
    w.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + w.quote(event_id));
  w.commit();
}

// The atomic conditional update, its row count checked, with no read.
bool book_atomic(pqxx::work &w, int event_id) {
  pqxx::result r = w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1 AND available_seats > 0", event_id);
  return r.affected_rows() == 1;
}

// A read that guards the same atomic update: the write checks for itself.
bool book_checked_twice(pqxx::work &w, int event_id) {
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id);
  if (r[0].as<int>() <= 0)
    return false;
  pqxx::result u = w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1 AND available_seats > 0", event_id);
  return u.affected_rows() == 1;
}

// A read whose value guards nothing: it is only shown.
int show_seats(pqxx::work &w, int event_id) {
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id);
  w.exec_params("UPDATE events SET views = views + 1 WHERE id = $1", event_id);
  return r[0].as<int>();
}

// A read of one table guarding a write of an unrelated one.
void log_if_busy(pqxx::work &w, int event_id) {
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id);
  if (r[0].as<int>() == 0)
    w.exec_params("UPDATE dashboards SET busy_events = busy_events + 1 WHERE id = 1");
}

// SERIALIZABLE: the database aborts one of two conflicting transactions.
void book_serializable(pqxx::connection &c, int event_id) {
  pqxx::transaction<pqxx::serializable> w(c);
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id);
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
  w.commit();
}

// The row was locked earlier in the same transaction.
void book_relocked(pqxx::work &w, int event_id) {
  w.exec_params("SELECT 1 FROM events WHERE id = $1 FOR UPDATE", event_id);
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id);
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
}

// Different rows of the same table.
void copy_price(pqxx::work &w, int from, int to) {
  pqxx::row r = w.exec_params1("SELECT price FROM products WHERE id = $1", from);
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE products SET featured = true WHERE id = $1", to);
}

// Silenced on the read.
void book_silenced(pqxx::work &w, int event_id) {
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1", event_id); // NOLINT(dbrace-unlocked-read-update)
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
}

// Templates: analysed once per instantiation, never uninstantiated.
template <typename Tx> void book_generic(Tx &w, int event_id) {
  pqxx::row r = w.exec_params1("SELECT available_seats FROM events WHERE id = $1 FOR UPDATE", event_id);
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE events SET available_seats = available_seats - 1 WHERE id = $1", event_id);
}
template void book_generic<pqxx::work>(pqxx::work &, int);

// Prepared by name on the connection; the names reach prepare() and
// exec_prepared() as std::string conversions of the literals.
bool refund(pqxx::connection &c, int payment_id, long cents) {
  c.prepare("payment_amounts", "SELECT amount_cents, refunded_cents FROM payments WHERE id = $1");
  c.prepare("add_refunded", "UPDATE payments SET refunded_cents = refunded_cents + $1 WHERE id = $2");
  pqxx::work w(c);
  pqxx::row p = w.exec_prepared1("payment_amounts", payment_id);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'payments' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (p[1].as<long>() + cents > p[0].as<long>())
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  w.exec_prepared("add_refunded", cents, payment_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'payments' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:14: note: the transaction begins here
  w.commit();
  return true;
}
// CHECK-FIXES: c.prepare("payment_amounts", "SELECT amount_cents, refunded_cents FROM payments WHERE id = $1 FOR UPDATE");
