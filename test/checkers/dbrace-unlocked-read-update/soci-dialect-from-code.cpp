// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

// The session is opened on SQLite's backend: the SQL is SQLite's, which has
// no FOR UPDATE, so no lock clause is written into it (it would not run).
soci::session open_db() { return soci::session(soci::sqlite3, "tickets.db"); }

void book_ticket(soci::session &sql, int event_id) {
  soci::transaction tr(sql);
  int seats = 0;
  sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
  if (seats > 0)
    sql << "UPDATE events SET available_seats = available_seats - 1 WHERE id = :id", soci::use(event_id);
  tr.commit();
}
// CHECK-NOTES: :[[@LINE-5]]:3: warning: 'events' is read without a lock and then written based on the value
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-10]]:21: note: the transaction begins here
// CHECK-FIXES: sql << "SELECT available_seats FROM events WHERE id = :id", soci::into(seats), soci::use(event_id);
