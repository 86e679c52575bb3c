// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

// Every form of value the flow engine follows from a read's result to the
// check that decides a write: each positive reads 'events' and writes the
// same row in the caller's transaction without a lock.

#include <pqxx/pqxx>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

bool has_room(int seats) { return seats > 0; }
int minus_one(int v) { return v - 1; }

// A local initialised from an accessor chain on the result.
void local(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1", id);
  int seats = r[0][0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-5]]:20: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id);

// References to a row and to a field of it.
void reference(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1", id);
  const pqxx::row &row = r[0];
  const pqxx::field &f = row[0];
  if (f.as<int>() > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-6]]:20: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id);

// Copies: a copy-initialised result, then an assigned one.
void copy(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1", id);
  pqxx::result first = r;
  pqxx::result second;
  second = first;
  if (second[0][0].as<int>() > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-7]]:20: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id);

// A field of a local struct.
struct Availability {
  int seats = 0;
  std::string name;
};
void struct_field(pqxx::work &w, int id) {
  Availability a;
  a.seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (a.seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:13: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: a.seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// Structured bindings of a pair built from the row.
void structured_binding(pqxx::work &w, int id) {
  pqxx::row row = w.exec_params1("SELECT seats, price FROM events WHERE id = $1", id);
  std::pair<int, int> p{row[0].as<int>(), row[1].as<int>()};
  auto [seats, price] = p;
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-6]]:19: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: pqxx::row row = w.exec_params1("SELECT seats, price FROM events WHERE id = $1 FOR UPDATE", id);

// A row kept in a std::optional.
void optional_row(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1", id);
  std::optional<pqxx::row> row;
  if (r.size() == 1)
    row = r[0];
  if (row && (*row)[0].as<int>() > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-7]]:20: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id);

// Smart pointers of a result and of a row.
void smart_pointers(pqxx::work &w, int id) {
  auto res = std::make_unique<pqxx::result>(w.exec_params("SELECT seats FROM events WHERE id = $1", id));
  std::shared_ptr<pqxx::row> row = std::make_shared<pqxx::row>((*res)[0]);
  if ((*row)[0].as<int>() > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-5]]:45: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: auto res = std::make_unique<pqxx::result>(w.exec_params("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id));

// Values collected from a loop over the rows into a container, then a loop
// over the container.
void container_of_values(pqxx::work &w, int id) {
  pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1", id);
  std::vector<int> all;
  for (const auto &row : r)
    all.push_back(row[0].as<int>());
  for (int s : all)
    if (s > 0)
      w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-8]]:20: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:7: note: 'events' is updated here
// CHECK-FIXES: pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id);

// A container of rows.
void container_of_rows(pqxx::work &w, int id) {
  std::vector<pqxx::row> rows;
  rows.push_back(w.exec_params1("SELECT seats FROM events WHERE id = $1", id));
  if (rows.front()[0].as<int>() > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:18: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: rows.push_back(w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id));

// An out-parameter filled in a helper: the warning is at the call, with a
// note at the read inside the helper.
void load_seats(pqxx::work &w, int id, int *out) {
  *out = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
}
void out_parameter(pqxx::work &w, int id) {
  int seats = 0;
  load_seats(w, id, &seats);
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:3: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-9]]:10: note: the value is read here, in 'load_seats'
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here

// The same through a reference parameter.
void load_seats_ref(pqxx::work &w, int id, int &out) {
  pqxx::row row = w.exec_params1("SELECT seats FROM events WHERE id = $1", id);
  out = row[0].as<int>();
}
void out_reference(pqxx::work &w, int id) {
  int seats = 0;
  load_seats_ref(w, id, seats);
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:3: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-10]]:19: note: the value is read here, in 'load_seats_ref'
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here

// Stored through an out-parameter and read back in the same function.
void out_parameter_here(pqxx::work &w, int id, int *out) {
  *out = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (*out > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:10: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: *out = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// A field by column name.
void column_name(pqxx::work &w, int id) {
  pqxx::row row = w.exec_params1("SELECT seats FROM events WHERE id = $1", id);
  if (row["seats"].as<int>() > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:19: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: pqxx::row row = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id);

// field::to fills its argument.
void field_to(pqxx::work &w, int id) {
  pqxx::row row = w.exec_params1("SELECT seats FROM events WHERE id = $1", id);
  int seats = 0;
  row[0].to(seats);
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-6]]:19: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: pqxx::row row = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id);

// Arithmetic and a comparison kept in a flag.
void arithmetic(pqxx::work &w, int id, int wanted) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  int left = seats - wanted;
  bool enough = left >= 0;
  if (enough)
    w.exec_params("UPDATE events SET seats = seats - $2 WHERE id = $1", id, wanted);
}
// CHECK-NOTES: :[[@LINE-6]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// A call with the value as its argument, in the condition.
void call_in_condition(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (has_room(seats))
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// A call with the value as its argument, whose result is written back.
void call_in_value(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  int next = minus_one(seats);
  w.exec_params("UPDATE events SET seats = $2 WHERE id = $1", id, next);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-3]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// ---- Not flagged: the check or the written value does not come from the read ----

// The value read is unused; the check is on a parameter.
void check_on_parameter(pqxx::work &w, int id, int wanted) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  std::printf("%d\n", seats);
  if (wanted > 0)
    w.exec_params("UPDATE events SET seats = seats - $2 WHERE id = $1", id, wanted);
}

// A call with an argument that is not the value read.
void call_on_parameter(pqxx::work &w, int id, int wanted) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  std::printf("%d\n", seats);
  if (has_room(wanted))
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}

// Another struct than the one the value went into.
void other_struct(pqxx::work &w, int id, int wanted) {
  Availability a, b;
  a.seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  b.seats = wanted;
  if (b.seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  std::printf("%d\n", a.seats);
}

// A helper whose reference parameter receives a value that is not read.
void set_default(pqxx::work &w, int id, int &out) {
  w.exec_params("UPDATE stats SET lookups = lookups + 1 WHERE id = $1", id);
  out = 1;
}
void out_reference_unrelated(pqxx::work &w, int id) {
  int seats = 0;
  set_default(w, id, seats);
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}

// A helper that reads, but gives its caller a value that is not the read's.
void probe(pqxx::work &w, int id, int *out) {
  w.exec_params1("SELECT seats FROM events WHERE id = $1", id);
  *out = id;
}
void out_parameter_unrelated(pqxx::work &w, int id) {
  int seats = 0;
  probe(w, id, &seats);
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
