// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

// The read runs before the transaction that writes begins.

#include <soci/soci.h>

// The fix-it moves the transaction above the read and locks the read.
void withdraw(soci::session &sql, int amount) {
  int balance = 0;
  sql << "SELECT balance FROM accounts WHERE id = 3", soci::into(balance);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'accounts' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  if (balance < amount)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  soci::transaction tr(sql);
  sql << "UPDATE accounts SET balance = balance - 10 WHERE id = 3";
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:21: note: the transaction begins here
  tr.commit();
}
// CHECK-FIXES: {{^}}  int balance = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  soci::transaction tr(sql);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "SELECT balance FROM accounts WHERE id = 3 FOR UPDATE", soci::into(balance);
// CHECK-FIXES: {{^}}    return;{{$}}
// CHECK-FIXES-NEXT: {{^}}  //{{$}}
// CHECK-FIXES-NEXT: {{^}}  sql << "UPDATE accounts

// The name of the transaction means something else between the read and
// the begin: moving the declaration would change it, so only a note.
void withdraw_shadowed(soci::session &sql, int amount) {
  int balance = 0;
  sql << "SELECT balance FROM accounts WHERE id = 4", soci::into(balance);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'accounts' is read before the transaction that writes it begins
  for (int tr = 0; tr < 3 && balance < amount; ++tr)
    balance += amount;
  if (balance < amount)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  soci::transaction tr(sql);
  sql << "UPDATE accounts SET balance = balance - 10 WHERE id = 4";
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is updated here
  // CHECK-NOTES: :[[@LINE-3]]:21: note: the transaction begins here
  tr.commit();
  // CHECK-NOTES: :[[@LINE-12]]:3: note: begin the transaction before the read: move 'soci::transaction tr(sql);' above it
}

// ---- Not flagged: the fixed shape ----

void withdraw_fixed(soci::session &sql, int amount) {
  soci::transaction tr(sql);
  int balance = 0;
  sql << "SELECT balance FROM accounts WHERE id = 3 FOR UPDATE", soci::into(balance);
  if (balance < amount)
    return;
  sql << "UPDATE accounts SET balance = balance - 10 WHERE id = 3";
  tr.commit();
}
