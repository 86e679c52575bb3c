// RUN: %check_dbrace --check-suffix=PG %s dbrace-check-then-insert %t-pg -- -- -isystem %inputs/soci
// RUN: %check_dbrace --check-suffix=MYSQL %s dbrace-check-then-insert %t-mysql -- --config="{CheckOptions: {Dialect: mysql}}" -- -isystem %inputs/soci
// RUN: %check_dbrace --check-suffix=SQLITE %s dbrace-check-then-insert %t-sqlite -- --config="{CheckOptions: {Dialect: sqlite}}" -- -isystem %inputs/soci

// The Dialect option overrides the rules' dialect (SOCI's is PostgreSQL),
// and the advice follows it: each names only statements that dialect has.

#include <soci/soci.h>
#include <string>

bool sign_up(soci::session &sql, const std::string &email) {
  soci::transaction tr(sql);
  int count = 0;
  sql << "SELECT count(*) FROM accounts WHERE email = :email", soci::into(count), soci::use(email);
  if (count > 0)
    return false;
  sql << "INSERT INTO accounts(email) VALUES (:email)", soci::use(email);
  tr.commit();
  return true;
}
// CHECK-NOTES-PG: :14:3: warning: check of 'accounts' decides an insert into it; {{.*}} [dbrace-check-then-insert]
// CHECK-NOTES-PG: :15:7: note: the value read is checked here
// CHECK-NOTES-PG: :17:3: note: 'accounts' is inserted into here
// CHECK-NOTES-PG: :12:21: note: the transaction begins here
// CHECK-NOTES-PG: :17:3: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe

// CHECK-NOTES-MYSQL: :14:3: warning: check of 'accounts' decides an insert into it; {{.*}} [dbrace-check-then-insert]
// CHECK-NOTES-MYSQL: :15:7: note: the value read is checked here
// CHECK-NOTES-MYSQL: :17:3: note: 'accounts' is inserted into here
// CHECK-NOTES-MYSQL: :12:21: note: the transaction begins here
// CHECK-NOTES-MYSQL: :17:3: note: a unique constraint with 'INSERT IGNORE' or 'ON DUPLICATE KEY UPDATE' and a check of the affected rows, or locking the parent row before the check, makes this safe

// CHECK-NOTES-SQLITE: :14:3: warning: check of 'accounts' decides an insert into it; {{.*}} [dbrace-check-then-insert]
// CHECK-NOTES-SQLITE: :15:7: note: the value read is checked here
// CHECK-NOTES-SQLITE: :17:3: note: 'accounts' is inserted into here
// CHECK-NOTES-SQLITE: :12:21: note: the transaction begins here
// CHECK-NOTES-SQLITE: :17:3: note: a unique constraint with 'INSERT OR IGNORE' or 'ON CONFLICT DO NOTHING' and a check of the affected rows, or 'BEGIN IMMEDIATE' before the check, makes this safe
