// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// soci::use(x, "name") binds x to the placeholders `:name`, not to the next
// one: a row keyed by several columns is matched between the read and the
// write whatever order each writes them and binds them in.

#include <soci/soci.h>

// One locker, (site, label): the write names the columns in the other
// order, and each statement binds by name in its own order.
bool take_locker(soci::session &sql, int site, int label, int holder) {
  soci::transaction tr(sql);
  int taken = 0;
  sql << "SELECT taken FROM lockers WHERE site_id = :site AND label = :label",
      soci::into(taken), soci::use(label, "label"), soci::use(site, "site");
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: 'lockers' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (taken)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "UPDATE lockers SET taken = 1, holder = :holder WHERE label = :label AND site_id = :site",
      soci::use(site, "site"), soci::use(holder, "holder"), soci::use(label, "label");
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'lockers' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:21: note: the transaction begins here
  tr.commit();
  return true;
}
// CHECK-FIXES: sql << "SELECT taken FROM lockers WHERE site_id = :site AND label = :label FOR UPDATE",

// Not flagged: the locker checked is another one than the locker written.
bool move_holder(soci::session &sql, int site, int from, int to, int holder) {
  int taken = 0;
  sql << "SELECT taken FROM lockers WHERE site_id = :site AND label = :label",
      soci::into(taken), soci::use(from, "label"), soci::use(site, "site");
  if (taken)
    return false;
  sql << "UPDATE lockers SET holder = :holder WHERE label = :label AND site_id = :site",
      soci::use(site, "site"), soci::use(holder, "holder"), soci::use(to, "label");
  return true;
}
