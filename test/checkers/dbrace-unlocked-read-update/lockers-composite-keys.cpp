// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%inputs/lockers/lockers.yaml'}}" -- -I %inputs/lockers

// A project's own layer whose rows are keyed by two arguments
// (`key_args: [0, 1]`): a read and a write touch the same row only when
// both keys are the same values.

#include "lockers.h"

// The locker checked is the locker taken.
bool take(lockers::Dao &dao, int site, int label, int holder) {
  lockers::Locker l = dao.get(site, label);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'lockers' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (l.taken)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  dao.take(site, label, holder);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'lockers' is updated here
  return true;
}

// Not flagged: same site, another label, so another locker.
bool take_next(lockers::Dao &dao, int site, int label, int next, int holder) {
  lockers::Locker l = dao.get(site, label);
  if (!l.taken)
    return false;
  dao.take(site, next, holder);
  return true;
}
