// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real

#include <sqlite3.h>

// "No such user, so insert one" in autocommit. BEGIN IMMEDIATE locks the
// whole database, rows not inserted yet too, so the fix-it opens such a
// transaction before the check and commits on each normal exit.
bool register_user(sqlite3 *db, const char *email) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM users WHERE email = ?", -1, &sel, nullptr);
  sqlite3_bind_text(sel, 1, email, -1, SQLITE_STATIC);
  const bool known = sqlite3_step(sel) == SQLITE_ROW;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: check of 'users' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  sqlite3_finalize(sel);
  if (known)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO users(email) VALUES (?)", -1, &ins, nullptr);
  sqlite3_bind_text(ins, 1, email, -1, SQLITE_STATIC);
  const int rc = sqlite3_step(ins);
  // CHECK-NOTES: :[[@LINE-1]]:18: note: 'users' is inserted into here
  // CHECK-NOTES: :[[@LINE-2]]:18: note: a unique constraint with 'INSERT OR IGNORE' or 'ON CONFLICT DO NOTHING' and a check of the affected rows, or 'BEGIN IMMEDIATE' before the check, makes this safe
  sqlite3_finalize(ins);
  return rc == SQLITE_DONE;
}
// CHECK-FIXES: {{^}}  sqlite3_bind_text(sel, 1, email, -1, SQLITE_STATIC);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);{{$}}
// CHECK-FIXES-NEXT: {{^}}  const bool known = sqlite3_step(sel) == SQLITE_ROW;{{$}}
// CHECK-FIXES: {{^}}  if (known){{$}}
// CHECK-FIXES-NEXT: {{^}}    { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); return false; }{{$}}
// CHECK-FIXES: {{^}}  sqlite3_finalize(ins);{{$}}
// CHECK-FIXES-NEXT: {{^}}  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return rc == SQLITE_DONE;{{$}}
