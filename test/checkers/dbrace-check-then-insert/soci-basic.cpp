// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real

#include <soci/soci.h>
#include <string>

// "No account with this e-mail yet, so create one": two sign-ups both find
// none, even in a transaction, even with FOR UPDATE (there is no row to lock).
bool sign_up(soci::session &sql, const std::string &email) {
  soci::transaction tr(sql);
  int count = 0;
  sql << "SELECT count(*) FROM accounts WHERE email = :email", soci::into(count), soci::use(email);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: check of 'accounts' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  if (count > 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sql << "INSERT INTO accounts(email) VALUES (:email)", soci::use(email);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'accounts' is inserted into here
  // CHECK-NOTES: :[[@LINE-9]]:21: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
  tr.commit();
  return true;
}

// ---- Not flagged ----

// The unique constraint decides.
bool sign_up_upsert(soci::session &sql, const std::string &email) {
  soci::statement st = (sql.prepare << "INSERT INTO accounts(email) VALUES (:email) ON CONFLICT (email) DO NOTHING", soci::use(email));
  st.execute(true);
  return st.get_affected_rows() == 1;
}
