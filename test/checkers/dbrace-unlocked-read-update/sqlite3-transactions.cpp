// RUN: %check_dbrace %s 'dbrace-*' %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s 'dbrace-*' %t.real

// SQLite's transactions as SQL text: a deferred BEGIN takes no lock until
// the first write; BEGIN IMMEDIATE takes the database's write lock at once,
// which covers the rows read and the rows not inserted yet.

#include <sqlite3.h>

static int seats_of(sqlite3 *db, int id) {
  sqlite3_stmt *s = nullptr;
  sqlite3_prepare_v2(db, "SELECT seats FROM events WHERE id = ?", -1, &s, nullptr);
  sqlite3_bind_int(s, 1, id);
  sqlite3_step(s);
  int seats = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  return seats;
}

static void take_seat(sqlite3 *db, int id) {
  sqlite3_stmt *u = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET seats = seats - 1 WHERE id = ?", -1, &u, nullptr);
  sqlite3_bind_int(u, 1, id);
  sqlite3_step(u);
  sqlite3_finalize(u);
}

// Deferred: flagged, and the fix makes the BEGIN immediate.
void deferred(sqlite3 *db, int id) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  if (seats_of(db, id) > 0)
    take_seat(db, id);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-4]]:7: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-22]]:3: note: the value is read here, in 'seats_of'
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'events' is updated by this call
// CHECK-NOTES: :[[@LINE-15]]:3: note: 'events' is updated here, in 'take_seat'
// CHECK-NOTES: :[[@LINE-10]]:3: note: the transaction begins here
// CHECK-FIXES: sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);

// Read in one transaction, written after its COMMIT in another.
void committed_between(sqlite3 *db, int id) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  int seats = seats_of(db, id);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (seats > 0)
    take_seat(db, id);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-7]]:15: warning: 'events' is read in an earlier transaction than the one that writes it; a concurrent request can change it in between [dbrace-read-outside-transaction]
// CHECK-NOTES: :[[@LINE-40]]:3: note: the value is read here, in 'seats_of'
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'events' is updated by this call
// CHECK-NOTES: :[[@LINE-33]]:3: note: 'events' is updated here, in 'take_seat'
// CHECK-NOTES: :[[@LINE-10]]:3: note: the transaction begins here

// A check-then-insert in a deferred transaction.
void deferred_insert(sqlite3 *db, int user, int id) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *s = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM bookings WHERE user_id = ? AND event_id = ?", -1, &s, nullptr);
  sqlite3_bind_int(s, 1, user);
  sqlite3_bind_int(s, 2, id);
  sqlite3_step(s);
  bool booked = sqlite3_column_int(s, 0) > 0;
  sqlite3_finalize(s);
  if (!booked) {
    sqlite3_stmt *i = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO bookings (user_id, event_id) VALUES (?, ?)", -1, &i, nullptr);
    sqlite3_bind_int(i, 1, user);
    sqlite3_bind_int(i, 2, id);
    sqlite3_step(i);
    sqlite3_finalize(i);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}
// CHECK-NOTES: :[[@LINE-13]]:3: warning: check of 'bookings' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
// CHECK-NOTES: :[[@LINE-11]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-7]]:5: note: 'bookings' is inserted into here
// CHECK-NOTES: :[[@LINE-21]]:3: note: the transaction begins here
// CHECK-NOTES: :[[@LINE-9]]:5: note: a unique constraint with 'INSERT OR IGNORE' or 'ON CONFLICT DO NOTHING' and a check of the affected rows, or 'BEGIN IMMEDIATE' before the check, makes this safe
// CHECK-FIXES: sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);

// ---- Not flagged ----

// BEGIN IMMEDIATE protects the update...
void immediate(sqlite3 *db, int id) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (seats_of(db, id) > 0)
    take_seat(db, id);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// ...and the insert, which no row lock could.
void immediate_insert(sqlite3 *db, int user, int id) {
  sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr);
  sqlite3_stmt *s = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM bookings WHERE user_id = ? AND event_id = ?", -1, &s, nullptr);
  sqlite3_bind_int(s, 1, user);
  sqlite3_bind_int(s, 2, id);
  sqlite3_step(s);
  bool booked = sqlite3_column_int(s, 0) > 0;
  sqlite3_finalize(s);
  if (!booked) {
    sqlite3_stmt *i = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO bookings (user_id, event_id) VALUES (?, ?)", -1, &i, nullptr);
    sqlite3_bind_int(i, 1, user);
    sqlite3_bind_int(i, 2, id);
    sqlite3_step(i);
    sqlite3_finalize(i);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}
