// SOCI's named placeholders (`:id`) are numbered like `$N`: the facts are
// certain, the fix-it is offered, and got_data() carries the read.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <soci/soci.h>

// A soci::transaction, a named placeholder, no lock.
bool book_ticket(soci::session &sql, int event_id) {
  soci::transaction tr(sql);
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (seats <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-9]]:21: note: the transaction begins here
  tr.commit();
  return true;
}
// CHECK-FIXES: sql << "SELECT available_seats FROM events WHERE id = :id FOR UPDATE", soci::into(seats), soci::use(event_id);

// A prepared statement run by execute(true), guarded by got_data().
void restock(soci::session &sql, int product) {
  sql.begin();
  int stock = 0;
  soci::statement st = (sql.prepare << "SELECT stock FROM products WHERE id = :id", soci::into(stock), soci::use(product));
  st.execute(true);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'products' is read without a lock
  if (!st.got_data())
    sql << "INSERT INTO restock_requests(product_id) VALUES (:id)", soci::use(product);
  else
    sql << "UPDATE products SET stock = stock + 100 WHERE id = :id", soci::use(product);
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:3: note: the transaction begins here
  sql.commit();
}
// CHECK-FIXES: soci::statement st = (sql.prepare << "SELECT stock FROM products WHERE id = :id FOR UPDATE", soci::into(stock), soci::use(product));
