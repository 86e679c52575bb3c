// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/cppdb
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <cppdb/frontend.h>

// A commit of the session after the read, with nothing open, ends nothing;
// once the guard begins above the read it would end the guard's
// transaction before the write: the fix-it drops it.
void book_seat(cppdb::session &sql, int event_id) {
  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ?" << event_id << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'events' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  const int seats = r.empty() ? 0 : r.get<int>(0);
  sql.commit();
  if (seats <= 0)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  cppdb::transaction guard(sql);
  sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?" << event_id << cppdb::exec;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:22: note: the transaction begins here
  guard.commit();
}
// CHECK-FIXES: {{^}}void book_seat(cppdb::session &sql, int event_id) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  cppdb::transaction guard(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  cppdb::result r = sql << "SELECT available_seats FROM events WHERE id = ? FOR UPDATE" << event_id << cppdb::row;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  const int seats = r.empty() ? 0 : r.get<int>(0);{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (seats <= 0){{$}}
// CHECK-FIXES-NEXT: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "UPDATE events

// A rollback ends the guard's transaction as well: dropped too. The one on
// the early exit ends it where the function leaves, as before, and stays.
void restock(cppdb::session &sql, int product) {
  cppdb::result r = sql << "SELECT stock FROM products WHERE id = ?" << product << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'products' is read before the transaction that writes it begins
  const int stock = r.empty() ? 0 : r.get<int>(0);
  sql.rollback();
  if (stock >= 10) {
    sql.rollback();
    return;
  }
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
  cppdb::transaction guard(sql);
  sql << "UPDATE products SET stock = stock + 100 WHERE id = ?" << product << cppdb::exec;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:22: note: the transaction begins here
  guard.commit();
}
// CHECK-FIXES: {{^}}void restock(cppdb::session &sql, int product) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  cppdb::transaction guard(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  cppdb::result r = sql << "SELECT stock FROM products WHERE id = ? FOR UPDATE" << product << cppdb::row;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  const int stock = r.empty() ? 0 : r.get<int>(0);{{$}}
// CHECK-FIXES-NEXT: {{^}}  if (stock >= 10) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    sql.rollback();{{$}}
// CHECK-FIXES-NEXT: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}
