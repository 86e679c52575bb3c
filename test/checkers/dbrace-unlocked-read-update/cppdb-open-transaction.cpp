// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/cppdb
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// No transaction at all in cppdb: the fix-it opens a guard on the session
// above the read (`cppdb::transaction tx(sql);`, which rolls back in its
// destructor unless committed), commits it on each normal exit, and locks
// the read.

#include <cppdb/frontend.h>
#include <string>

bool redeem(cppdb::session &sql, const std::string &code) {
  cppdb::result r = sql << "SELECT used FROM coupons WHERE code = ?" << code << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'coupons' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (r.empty() || r.get<int>(0) != 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE coupons SET used = 1 WHERE code = ?" << code << cppdb::exec;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'coupons' is updated here
  return true;
}
// CHECK-FIXES: {{^}}bool redeem(cppdb::session &sql, const std::string &code) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  cppdb::transaction tx(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  cppdb::result r = sql << "SELECT used FROM coupons WHERE code = ? FOR UPDATE" << code << cppdb::row;{{$}}
// CHECK-FIXES: {{^}}    { tx.commit(); return false; }{{$}}
// CHECK-FIXES: {{^}}  tx.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// `tx` is taken: the guard is named `txn`.
void top_up(cppdb::session &sql, int wallet, int tx) {
  cppdb::result r = sql << "SELECT balance FROM wallets WHERE id = ?" << wallet << cppdb::row;
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'wallets' is read without a transaction or lock
  int balance = r.get<int>(0);
  sql << "UPDATE wallets SET balance = ? WHERE id = ?" << balance + tx << wallet << cppdb::exec;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the value read is used in this write
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'wallets' is updated here
}
// CHECK-FIXES: {{^}}  cppdb::transaction txn(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  cppdb::result r = sql << "SELECT balance FROM wallets WHERE id = ? FOR UPDATE" << wallet << cppdb::row;{{$}}
// CHECK-FIXES: {{^}}  txn.commit();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
