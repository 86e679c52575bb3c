// FLAGS: -isystem %inputs/sqlite3 -isystem %corpus/include
// The SQLite C API: seats and bookings in an embedded booking service.
#include <chrono>
#include <cstdlib>
#include <curl/curl.h>
#include <sqlite3.h>
#include <string>
#include <thread>

namespace bookings {

// case: unsafe
// Autocommit: every statement is its own transaction.
int book(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?1", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  if (sqlite3_step(sel) != SQLITE_ROW) { // expect: dbrace-unlocked-read-update
    sqlite3_finalize(sel);
    return -1;
  }
  const int seats = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  if (seats <= 0)
    return 0;
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?1", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, event_id);
  const int rc = sqlite3_step(upd);
  sqlite3_finalize(upd);
  return rc == SQLITE_DONE ? 1 : -1;
}

// case: safe
// BEGIN IMMEDIATE takes the write lock before the read.
int book_immediate(sqlite3 *db, int event_id) {
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return -1;
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  int seats = 0;
  if (sqlite3_step(sel) == SQLITE_ROW)
    seats = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  if (seats > 0) {
    sqlite3_stmt *upd = nullptr;
    sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", -1, &upd, nullptr);
    sqlite3_bind_int(upd, 1, event_id);
    sqlite3_step(upd);
    sqlite3_finalize(upd);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return seats > 0;
}

// case: unsafe
// A deferred BEGIN takes no lock for the read.
int book_deferred(sqlite3 *db, int event_id) {
  sqlite3_exec(db, "BEGIN DEFERRED TRANSACTION", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  sqlite3_step(sel); // expect: dbrace-unlocked-read-update
  const int seats = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  if (seats > 0) {
    sqlite3_stmt *upd = nullptr;
    sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?", -1, &upd, nullptr);
    sqlite3_bind_int(upd, 1, event_id);
    sqlite3_step(upd);
    sqlite3_finalize(upd);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return seats > 0;
}

// case: safe
// The conditional UPDATE and sqlite3_changes() decide; the read only says
// how many seats were left for the page.
int book_atomic(sqlite3 *db, int event_id, int *left_before) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  if (sqlite3_step(sel) == SQLITE_ROW)
    *left_before = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0",
                     -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, event_id);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  return sqlite3_changes(db) == 1;
}

// case: unsafe
// "No booking yet, so insert": a plain BEGIN does not stop the second one.
bool book_once(sqlite3 *db, int event_id, int user_id) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *chk = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM bookings WHERE event_id = ? AND user_id = ?", -1, &chk, nullptr);
  sqlite3_bind_int(chk, 1, event_id);
  sqlite3_bind_int(chk, 2, user_id);
  sqlite3_step(chk); // expect: dbrace-check-then-insert
  const bool exists = sqlite3_column_int(chk, 0) > 0;
  sqlite3_finalize(chk);
  if (!exists) {
    sqlite3_stmt *ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO bookings (event_id, user_id) VALUES (?, ?)", -1, &ins, nullptr);
    sqlite3_bind_int(ins, 1, event_id);
    sqlite3_bind_int(ins, 2, user_id);
    sqlite3_step(ins);
    sqlite3_finalize(ins);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return !exists;
}

// case: safe
// BEGIN IMMEDIATE locks the whole database, rows not yet there included.
bool book_once_immediate(sqlite3 *db, int event_id, int user_id) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *chk = nullptr;
  sqlite3_prepare_v2(db, "SELECT 1 FROM bookings WHERE event_id = ? AND user_id = ?", -1, &chk, nullptr);
  sqlite3_bind_int(chk, 1, event_id);
  sqlite3_bind_int(chk, 2, user_id);
  const bool exists = sqlite3_step(chk) == SQLITE_ROW;
  sqlite3_finalize(chk);
  if (!exists) {
    sqlite3_stmt *ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO bookings (event_id, user_id) VALUES (?, ?)", -1, &ins, nullptr);
    sqlite3_bind_int(ins, 1, event_id);
    sqlite3_bind_int(ins, 2, user_id);
    sqlite3_step(ins);
    sqlite3_finalize(ins);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return !exists;
}

// case: safe
// INSERT OR IGNORE on a unique (event_id, user_id) and sqlite3_changes().
bool book_once_or_ignore(sqlite3 *db, int event_id, int user_id) {
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO bookings (event_id, user_id) VALUES (?, ?)", -1, &ins, nullptr);
  sqlite3_bind_int(ins, 1, event_id);
  sqlite3_bind_int(ins, 2, user_id);
  sqlite3_step(ins);
  sqlite3_finalize(ins);
  return sqlite3_changes(db) == 1;
}

// case: unsafe
// The seat count is read in autocommit, the write made in a later
// immediate transaction.
void book_read_first(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  const int rc = sqlite3_step(sel); // expect: dbrace-read-outside-transaction
  const int seats = rc == SQLITE_ROW ? sqlite3_column_int(sel, 0) : 0;
  sqlite3_finalize(sel);
  if (seats == 0)
    return;
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_exec(db, ("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id)).c_str(),
               nullptr, nullptr, nullptr);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

static int seats_cb(void *out, int, char **values, char **) {
  *static_cast<int *>(out) = values[0] ? std::atoi(values[0]) : 0;
  return 0;
}

// case: unsafe
// The read's row arrives through sqlite3_exec's callback.
void book_via_callback(sqlite3 *db, int event_id) {
  int seats = 0;
  const std::string id = std::to_string(event_id);
  sqlite3_exec(db, ("SELECT available_seats FROM events WHERE id = " + id).c_str(), seats_cb, &seats, nullptr); // expect: dbrace-unlocked-read-update
  if (seats > 0)
    sqlite3_exec(db, ("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + id).c_str(), nullptr,
                 nullptr, nullptr);
}

static void post_confirmation(int event_id) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://hooks.example/booked");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// case: unsafe
// BEGIN IMMEDIATE locks the whole database while a webhook is posted.
void book_and_notify(sqlite3 *db, int event_id) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0",
                     -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, event_id);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  if (sqlite3_changes(db) == 1)
    post_confirmation(event_id); // expect: dbrace-slow-call-in-transaction
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// case: safe
// The same webhook after COMMIT.
void book_then_notify(sqlite3 *db, int event_id) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET available_seats = available_seats - 1 WHERE id = ? AND available_seats > 0",
                     -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, event_id);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  const bool booked = sqlite3_changes(db) == 1;
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  if (booked)
    post_confirmation(event_id);
}

// case: unsafe
// Waiting for a seat with the database locked.
bool wait_for_seat(sqlite3 *db, int event_id) {
  sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr);
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  int seats = 0;
  for (int i = 0; i < 10 && seats == 0; ++i) {
    sqlite3_reset(sel);
    if (sqlite3_step(sel) == SQLITE_ROW)
      seats = sqlite3_column_int(sel, 0);
    if (seats == 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(500)); // expect: dbrace-slow-call-in-transaction
  }
  sqlite3_finalize(sel);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return seats > 0;
}

// case: safe
// A read of the venue decides a write of another table.
void close_bookings_if_venue_closed(sqlite3 *db, int venue_id, int event_id) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT closed FROM venues WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, venue_id);
  const bool closed = sqlite3_step(sel) == SQLITE_ROW && sqlite3_column_int(sel, 0) != 0;
  sqlite3_finalize(sel);
  if (closed) {
    sqlite3_stmt *upd = nullptr;
    sqlite3_prepare_v2(db, "UPDATE events SET on_sale = 0 WHERE id = ?", -1, &upd, nullptr);
    sqlite3_bind_int(upd, 1, event_id);
    sqlite3_step(upd);
    sqlite3_finalize(upd);
  }
}

} // namespace bookings
