// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/cppdb
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <cppdb/frontend.h>
#include <stdexcept>
#include <string>

// Check-then-decrement in a RAII transaction without a lock.
void book_seat(cppdb::session &sql, int event_id) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ?" << event_id << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (!r.empty() && r.get<int>(0) > 0)
    sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?" << event_id << cppdb::exec;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-7]]:22: note: the transaction begins here
  guard.commit();
}
// CHECK-FIXES: cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE" << event_id << cppdb::row;

// A wallet debited after a balance check in C++, in a transaction begun on
// the session; the balance is fetched with >>.
void pay(cppdb::session &sql, int wallet, long long amount) {
  sql.begin();
  long long balance = 0;
  cppdb::result r = sql << "SELECT balance FROM wallets WHERE id = ?" << wallet << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'wallets' is read without a lock
  r >> balance;
  if (balance < amount) {
    sql.rollback();
    throw std::runtime_error("insufficient funds");
  }
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  sql << "UPDATE wallets SET balance = balance - ? WHERE id = ?" << amount << wallet << cppdb::exec;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated here
  // CHECK-NOTES: :[[@LINE-12]]:3: note: the transaction begins here
  sql.commit();
}
// CHECK-FIXES: cppdb::result r = sql << "SELECT balance FROM wallets WHERE id = ? FOR UPDATE" << wallet << cppdb::row;

// No transaction: each statement commits on its own; no fix-it.
bool redeem_coupon(cppdb::session &sql, const std::string &code) {
  cppdb::result r = sql << "SELECT used FROM coupons WHERE code = ?" << code << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'coupons' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (r.empty() || r.get<int>("used") != 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE coupons SET used = 1 WHERE code = ?" << code << cppdb::exec;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'coupons' is updated here
  return true;
}

// ---- Not flagged ----

// The locked read in the transaction that writes.
void book_locked(cppdb::session &sql, int event_id) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE" << event_id << cppdb::row;
  if (!r.empty() && r.get<int>(0) > 0)
    sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?" << event_id << cppdb::exec;
  guard.commit();
}

// The atomic conditional update; statement::affected() gives the rows.
bool book_atomic(cppdb::session &sql, int event_id) {
  cppdb::statement st = sql.prepare("UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0");
  st << event_id;
  st.exec();
  return st.affected() == 1;
}

// A read whose value is only shown.
int show_seats(cppdb::session &sql, int event_id) {
  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ?" << event_id << cppdb::row;
  sql << "UPDATE events SET views = views + 1 WHERE id = ?" << event_id << cppdb::exec;
  return r.empty() ? 0 : r.get<int>(0);
}

// A read of one table deciding a write of an unrelated one.
void log_if_sold_out(cppdb::session &sql, int event_id) {
  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ?" << event_id << cppdb::row;
  if (!r.empty() && r.get<int>(0) == 0)
    sql << "UPDATE dashboards SET sold_out = sold_out + 1 WHERE id = 1" << cppdb::exec;
}
