// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/nanodbc

#include <nanodbc/nanodbc.h>
#include <stdexcept>
#include <string>

// Check-then-decrement in a transaction without a lock.
void book_seat(nanodbc::connection &conn, int event_id) {
  nanodbc::transaction tx(conn);
  nanodbc::result r = nanodbc::execute(conn, "SELECT available_seats FROM events WHERE id = " + std::to_string(event_id));
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (r.next() && r.get<int>(0) > 0)
    nanodbc::just_execute(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:24: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: nanodbc::result r = nanodbc::execute(conn, "SELECT available_seats FROM events WHERE id = " + std::to_string(event_id) + " FOR UPDATE");

// Read-modify-write with prepared statements: the new balance is computed in
// C++ and bound to the UPDATE (a lost update).
void pay(nanodbc::connection &conn, int wallet, double amount) {
  nanodbc::transaction tx(conn);
  nanodbc::statement select(conn);
  nanodbc::prepare(select, "SELECT balance FROM wallets WHERE id = ?");
  select.bind(0, &wallet);
  nanodbc::result r = nanodbc::execute(select);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'wallets' is read without a lock
  r.next();
  double balance = r.get<double>(0) - amount;
  nanodbc::statement update(conn, "UPDATE wallets SET balance = ? WHERE id = ?");
  update.bind(0, &balance);
  update.bind(1, &wallet);
  update.just_execute();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-14]]:24: note: the transaction begins here
  tx.commit();
}
// CHECK-FIXES: nanodbc::prepare(select, "SELECT balance FROM wallets WHERE id = ? FOR UPDATE");

// No transaction: ODBC's autocommit commits each statement; no fix-it.
bool redeem_coupon(nanodbc::connection &conn, const std::string &code) {
  nanodbc::statement select(conn, "SELECT used FROM coupons WHERE code = ?");
  select.bind(0, code.c_str());
  nanodbc::result r = select.execute();
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'coupons' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (!r.next() || r.get<int>(0) != 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  nanodbc::statement update(conn, "UPDATE coupons SET used = 1 WHERE code = ?");
  update.bind(0, code.c_str());
  nanodbc::execute(update);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'coupons' is updated here
  return true;
}

// ---- Not flagged ----

// The locked read in the transaction that writes.
void book_locked(nanodbc::connection &conn, int event_id) {
  nanodbc::transaction tx(conn);
  nanodbc::result r = nanodbc::execute(conn, "SELECT available_seats FROM events WHERE id = " + std::to_string(event_id) + " FOR UPDATE");
  if (r.next() && r.get<int>(0) > 0)
    nanodbc::just_execute(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
  tx.commit();
}

// The atomic conditional update, its affected rows checked.
bool book_atomic(nanodbc::connection &conn, int event_id) {
  nanodbc::statement update(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0");
  update.bind(0, &event_id);
  nanodbc::result r = nanodbc::execute(update);
  return r.affected_rows() == 1;
}

// A read before the same atomic update: the write checks for itself.
bool book_checked_twice(nanodbc::connection &conn, int event_id) {
  nanodbc::result seats = nanodbc::execute(conn, "SELECT available_seats FROM events WHERE id = " + std::to_string(event_id));
  if (!seats.next() || seats.get<int>(0) <= 0)
    return false;
  nanodbc::result r = nanodbc::execute(conn, "UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id) + " AND available_seats > 0");
  return r.affected_rows() == 1;
}

// A read whose value is only shown.
int show_seats(nanodbc::connection &conn, int event_id) {
  nanodbc::result r = nanodbc::execute(conn, "SELECT available_seats FROM events WHERE id = " + std::to_string(event_id));
  nanodbc::just_execute(conn, "UPDATE events SET views = views + 1 WHERE id = " + std::to_string(event_id));
  return r.next() ? r.get<int>(0) : 0;
}

// A read of one table deciding a write of an unrelated one.
void log_if_sold_out(nanodbc::connection &conn, int event_id) {
  nanodbc::result r = nanodbc::execute(conn, "SELECT available_seats FROM events WHERE id = " + std::to_string(event_id));
  if (r.next() && r.get<int>(0) == 0)
    nanodbc::just_execute(conn, "UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1");
}
