// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// Every form of guard: a write is decided by a read when it runs only on
// some outcomes of a branch whose condition carries the value read (control
// dependence), or when the value flows into the write (read-modify-write).

#include <pqxx/pqxx>
#include <stdexcept>
#include <string>

void log_line(const char *);

// The write in the else branch.
void else_branch(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats <= 0)
    log_line("sold out");
  else
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-6]]:15: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// An else-if chain: the first condition does not carry the value, a later
// one does.
void else_if_chain(pqxx::work &w, int id, bool vip) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (vip)
    log_line("vip");
  else if (seats > 10)
    log_line("plenty");
  else if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-8]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:12: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// Early exits: return, throw, continue, break.
void early_return(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats == 0)
    return;
  log_line("booking");
  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-6]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-6]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void early_throw(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats == 0)
    throw std::runtime_error("sold out");
  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-5]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void early_continue(pqxx::work &w, int n) {
  for (int id = 0; id < n; ++id) {
    int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
    if (seats == 0)
      continue;
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  }
}
// CHECK-NOTES: :[[@LINE-6]]:17: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-6]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void early_break(pqxx::work &w, int id) {
  for (;;) {
    int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
    if (seats == 0)
      break;
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  }
}
// CHECK-NOTES: :[[@LINE-6]]:17: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-6]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// Loop conditions: while, for, do-while, and a range-for over the rows
// (each pending job is taken: two workers take the same one).
void while_condition(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  while (seats > 0) {
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
    --seats;
  }
}
// CHECK-NOTES: :[[@LINE-6]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-6]]:10: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void for_condition(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  for (int i = 0; i < seats; ++i)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:19: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void do_while_condition(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  do {
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  } while (--seats > 0);
}
// CHECK-NOTES: :[[@LINE-5]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-3]]:12: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void range_for(pqxx::work &w) {
  pqxx::result jobs = w.exec("SELECT id FROM jobs WHERE state = 'pending'");
  for (const auto &job : jobs)
    w.exec_params("UPDATE jobs SET state = 'taken' WHERE id = $1", job[0].as<int>());
}
// CHECK-NOTES: :[[@LINE-4]]:23: warning: 'jobs' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:24: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'jobs' is updated here
// CHECK-FIXES: pqxx::result jobs = w.exec("SELECT id FROM jobs WHERE state = 'pending' FOR UPDATE");

// switch on the value.
void switch_on_value(pqxx::work &w, int id) {
  switch (w.exec_params1("SELECT state FROM events WHERE id = $1", id)[0].as<int>()) {
  case 0:
    return;
  case 1:
    w.exec_params("UPDATE events SET state = 2 WHERE id = $1", id);
    break;
  default:
    break;
  }
}
// CHECK-NOTES: :[[@LINE-10]]:11: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-11]]:11: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-8]]:5: note: 'events' is updated here
// CHECK-FIXES: switch (w.exec_params1("SELECT state FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>()) {

// The conditional operator.
void conditional_operator(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  seats > 0 ? (void)w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id)
            : log_line("sold out");
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:3: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:21: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// && and ||, with the value on either side.
void logical_and(pqxx::work &w, int id, bool open) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (open && seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void logical_or(pqxx::work &w, int id, bool closed) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (closed || seats == 0)
    return;
  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-5]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// The write as the right operand of &&.
void short_circuit_write(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  bool done = seats > 0 && !w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id).empty();
  log_line(done ? "done" : "not done");
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:15: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:29: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// A flag computed earlier, statements before the branch.
void flag_computed_earlier(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  const bool sold_out = seats == 0;
  log_line("checked");
  if (!sold_out)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-6]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// Read-modify-write: the value in the SQL text, and as a bound parameter.
void consumed_in_text(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  w.exec("UPDATE events SET seats = " + std::to_string(seats - 1) + " WHERE id = " + std::to_string(id));
}
// CHECK-NOTES: :[[@LINE-3]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-3]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

void consumed_as_parameter(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  w.exec_params("UPDATE events SET seats = $1 WHERE id = $2", seats - 1, id);
}
// CHECK-NOTES: :[[@LINE-3]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-3]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// ---- Not flagged: the write runs whatever the value ----

// After an if whose branches meet again.
void after_if(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats == 0)
    log_line("last one");
  w.exec_params("UPDATE events SET views = views + 1 WHERE id = $1", id);
}

// After a loop.
void after_loop(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  for (int i = 0; i < seats; ++i)
    log_line("seat");
  w.exec_params("UPDATE events SET views = views + 1 WHERE id = $1", id);
}

// After a switch whose cases all fall out of it.
void after_switch(pqxx::work &w, int id) {
  switch (w.exec_params1("SELECT state FROM events WHERE id = $1", id)[0].as<int>()) {
  case 0:
    log_line("zero");
    break;
  default:
    break;
  }
  w.exec_params("UPDATE events SET views = views + 1 WHERE id = $1", id);
}

// Before the read.
void write_before_read(pqxx::work &w, int id) {
  w.exec_params("UPDATE events SET views = views + 1 WHERE id = $1", id);
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats == 0)
    log_line("sold out");
}

// Under a branch on a parameter; the value only chooses a message.
void branch_on_parameter(pqxx::work &w, int id, bool vip) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  log_line(seats > 0 ? "open" : "closed");
  if (vip)
    w.exec_params("UPDATE events SET views = views + 1 WHERE id = $1", id);
}

// A flag computed earlier, but from a parameter.
void flag_from_parameter(pqxx::work &w, int id, int wanted) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  log_line(seats ? "some" : "none");
  const bool many = wanted > 3;
  if (many)
    w.exec_params("UPDATE events SET views = views + 1 WHERE id = $1", id);
}
