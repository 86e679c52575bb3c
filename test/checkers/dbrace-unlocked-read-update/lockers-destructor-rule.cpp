// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%inputs/lockers/lockers.yaml'}}" -- -I %inputs/lockers

// A guard whose destructor rolls back (`lockers::Guard::~Guard`, action
// `rollback`): the transaction it begins ends with the guard's scope.

#include "lockers.h"

// Inside the guard's scope the read runs in its transaction.
bool take_guarded(lockers::Db &db, lockers::Dao &dao, int site, int label,
                  int holder) {
  lockers::Guard guard(db);
  lockers::Locker l = dao.get(site, label);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'lockers' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (l.taken)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  dao.take(site, label, holder);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'lockers' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:18: note: the transaction begins here
  guard.commit();
  return true;
}

// After the guard's scope, no transaction is open any more.
bool take_after_guard(lockers::Db &db, lockers::Dao &dao, int site, int label,
                      int holder) {
  {
    lockers::Guard guard(db);
  }
  lockers::Locker l = dao.get(site, label);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'lockers' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (l.taken)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  dao.take(site, label, holder);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'lockers' is updated here
  return true;
}
