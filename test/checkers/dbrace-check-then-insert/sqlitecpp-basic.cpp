// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/sqlitecpp
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real

#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

// "Fewer than 4 tickets so far, so one more", in a deferred transaction.
// The immediate transaction that locks the database is the fix-it.
bool buy_ticket(SQLite::Database &db, int user_id) {
  SQLite::Transaction tx(db);
  SQLite::Statement count(db, "SELECT count(*) FROM tickets WHERE user_id = ?");
  count.bind(1, user_id);
  count.executeStep();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: check of 'tickets' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  if (count.getColumn(0).getInt() >= 4)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  SQLite::Statement insert(db, "INSERT INTO tickets(user_id) VALUES (?)");
  insert.bind(1, user_id);
  insert.exec();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'tickets' is inserted into here
  // CHECK-NOTES: :[[@LINE-12]]:23: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: a unique constraint with 'INSERT OR IGNORE' or 'ON CONFLICT DO NOTHING' and a check of the affected rows, or 'BEGIN IMMEDIATE' before the check, makes this safe
  tx.commit();
  return true;
}
// CHECK-FIXES: SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);

// ---- Not flagged ----

// The immediate transaction covers rows that do not exist yet.
bool buy_ticket_immediate(SQLite::Database &db, int user_id) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement count(db, "SELECT count(*) FROM tickets WHERE user_id = ?");
  count.bind(1, user_id);
  if (!count.executeStep() || count.getColumn(0).getInt() >= 4)
    return false;
  SQLite::Statement insert(db, "INSERT INTO tickets(user_id) VALUES (?)");
  insert.bind(1, user_id);
  insert.exec();
  tx.commit();
  return true;
}

// An upsert settles the conflict itself.
void register_email(SQLite::Database &db) {
  SQLite::Statement query(db, "SELECT id FROM users WHERE email = 'a@example.org'");
  if (!query.executeStep())
    db.exec("INSERT INTO users(email) VALUES ('a@example.org') ON CONFLICT (email) DO NOTHING");
}
