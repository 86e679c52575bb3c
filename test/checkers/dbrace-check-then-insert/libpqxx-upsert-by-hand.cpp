// RUN: %check_dbrace %s dbrace-check-then-insert,dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx

// The hand-made upsert: look the row up, update it when found, insert it
// otherwise. The update of the row found by its key loses nothing; the
// insert races (both requests find no row and both insert), so the finding
// is a check-then-insert pointing at the INSERT, and the advice is the
// dialect's one-statement upsert.

#include <pqxx/pqxx>
#include <string>

void save_tag(pqxx::work &w, const std::string &name, int uses) {
  pqxx::result r = w.exec_params("SELECT id FROM tags WHERE name = $1", name);
  if (!r.empty())
    w.exec_params("UPDATE tags SET uses = $1 WHERE id = $2", uses,
                  r[0][0].as<int>());
  else
    w.exec_params("INSERT INTO tags (name, uses) VALUES ($1, $2)", name, uses);
}
// CHECK-NOTES: :[[@LINE-7]]:20: warning: check of 'tags' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
// CHECK-NOTES: :[[@LINE-7]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'tags' is inserted into here
// CHECK-NOTES: :[[@LINE-5]]:5: note: the read updates the row it finds and inserts one otherwise: with a unique constraint on the columns it looks up, 'INSERT ... ON CONFLICT (...) DO UPDATE' does both in one statement

// The branches the other way round.
void save_setting(pqxx::work &w, const std::string &key,
                  const std::string &value) {
  pqxx::result r =
      w.exec_params("SELECT id FROM settings WHERE key = $1", key);
  if (r.empty()) {
    w.exec_params("INSERT INTO settings (key, value) VALUES ($1, $2)", key,
                  value);
    return;
  }
  w.exec_params("UPDATE settings SET value = $1 WHERE id = $2", value,
                r[0][0].as<int>());
}
// CHECK-NOTES: :[[@LINE-9]]:7: warning: check of 'settings' decides an insert into it;
// CHECK-NOTES: :[[@LINE-9]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-9]]:5: note: 'settings' is inserted into here
// CHECK-NOTES: :[[@LINE-10]]:5: note: the read updates the row it finds and inserts one otherwise: with a unique constraint on the columns it looks up, 'INSERT ... ON CONFLICT (...) DO UPDATE' does both in one statement

// The update writes back a value the read returned: a lost update, which
// is reported at the read. (The fix-it locks the row found; the insert
// below it would remain a check-then-insert, so it is left out here.)
void bump_counter(pqxx::work &w, const std::string &name) {
  pqxx::result r =
      w.exec_params("SELECT id, hits FROM counters WHERE name = $1", name);
  if (!r.empty())
    w.exec_params("UPDATE counters SET hits = $1 WHERE id = $2",
                  r[0][1].as<int>() + 1, r[0][0].as<int>());
}
// CHECK-NOTES: :[[@LINE-5]]:7: warning: 'counters' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'counters' is updated here
// CHECK-FIXES: w.exec_params("SELECT id, hits FROM counters WHERE name = $1 FOR UPDATE", name);
