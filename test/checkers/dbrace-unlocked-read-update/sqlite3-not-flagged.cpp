// XFAIL: *
// FIXME(core): the connection handle `db` is taken to carry the read's
// result. ReadTaint treats every non-const pointer argument of a call that
// is not a database event as an out-parameter fed by the other arguments;
// `sqlite3_prepare_v2(db, sql, -1, &sel, nullptr)` is a prepare (no event of
// its own), so `db` comes to depend on `sel`, and every later
// `sqlite3_exec(db, "UPDATE ...")` "uses the value read". A prepare's
// handle goes only where its rule's `result` says; and a pointer to an
// incomplete (opaque handle) type such as `sqlite3 *` is never filled by
// the caller's other arguments.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/sqlite3
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <sqlite3.h>

// A read whose value guards nothing: it is only shown; the write beside it
// does not depend on it.
int show_seats(sqlite3 *db, int event_id) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT available_seats FROM events WHERE id = ?", -1, &sel, nullptr);
  sqlite3_bind_int(sel, 1, event_id);
  int seats = sqlite3_step(sel) == SQLITE_ROW ? sqlite3_column_int(sel, 0) : -1;
  sqlite3_finalize(sel);
  sqlite3_exec(db, "UPDATE events SET views = views + 1 WHERE id = 7", nullptr, nullptr, nullptr);
  return seats;
}
