// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-check-then-insert %t.real

#include <pqxx/pqxx>
#include <string>

std::string next_ticket_code(int attempt);

// A loop with no exit test ends only through the return after the insert, so
// the insert runs on every path that ends; it still runs only on the pass
// whose check found no row, and two requests can pass that check together.
std::string reserve_code(pqxx::work &w) {
  for (int attempt = 0;; ++attempt) {
    std::string code = next_ticket_code(attempt);
    pqxx::result taken = w.exec_params("SELECT 1 FROM tickets WHERE code = $1", code);
    // CHECK-NOTES: :[[@LINE-1]]:26: warning: check of 'tickets' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
    if (!taken.empty())
      continue;
    // CHECK-NOTES: :[[@LINE-2]]:9: note: the value read is checked here
    w.exec_params("INSERT INTO tickets (code) VALUES ($1)", code);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'tickets' is inserted into here
    // CHECK-NOTES: :[[@LINE-2]]:5: note: a unique constraint with 'ON CONFLICT DO NOTHING' and a check of the affected rows, or locking the parent row before the check, makes this safe
    return code;
  }
}

// The same with `while (true)`, and the count of a day's tickets as check.
void take_slot(pqxx::work &w, int day, int limit) {
  while (true) {
    int booked = w.exec_params1("SELECT count(*) FROM slots WHERE day = $1", day)[0].as<int>();
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: check of 'slots' decides an insert into it
    if (booked >= limit) {
      ++day;
      continue;
    }
    // CHECK-NOTES: :[[@LINE-4]]:9: note: the value read is checked here
    w.exec_params("INSERT INTO slots (day) VALUES ($1)", day);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'slots' is inserted into here
    // CHECK-NOTES: :[[@LINE-2]]:5: note: a unique constraint
    return;
  }
}

// ---- Not flagged ----

// The unique constraint decides on every pass: no check to race.
std::string reserve_code_unique(pqxx::work &w) {
  for (int attempt = 0;; ++attempt) {
    std::string code = next_ticket_code(attempt);
    pqxx::result r = w.exec_params("INSERT INTO tickets (code) VALUES ($1) ON CONFLICT (code) DO NOTHING", code);
    if (r.affected_rows() == 1)
      return code;
  }
}

// A loop with an exit test over the rows read, then an insert that runs
// whatever they held.
void log_listing(pqxx::work &w, int day) {
  pqxx::result slots = w.exec_params("SELECT id FROM slots WHERE day = $1", day);
  for (pqxx::result::size_type i = 0; i < slots.size(); ++i)
    (void)slots[i];
  w.exec_params("INSERT INTO slots_seen (day) VALUES ($1)", day);
}

// A loop with no exit test whose inserts are unconditional: one per pass.
void log_forever(pqxx::work &w, int day) {
  for (;;) {
    pqxx::result slots = w.exec_params("SELECT id FROM slots WHERE day = $1", day);
    w.exec_params("INSERT INTO slots (day) VALUES ($1)", day);
  }
}
