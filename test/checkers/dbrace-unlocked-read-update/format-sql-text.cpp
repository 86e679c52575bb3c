// SQL built by a format function with a literal format (rules/format.yaml):
// each placeholder is its argument's text, or a hole bound to the argument.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx -isystem %inputs/fmt

#include <cstdio>
#include <fmt/format.h>
#include <pqxx/pqxx>
#include <string>

// fmt::format with `{}`: the clause still fits in the literal, after the
// placeholder.
void book(pqxx::work &w, int event_id) {
  pqxx::result r = w.exec(fmt::format("SELECT available_seats FROM events WHERE id = {}", event_id));
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (r[0][0].as<int>() > 0)
    w.exec(fmt::format("UPDATE events SET available_seats = available_seats - 1 WHERE id = {}", event_id));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'events' is updated here
}
// CHECK-FIXES: pqxx::result r = w.exec(fmt::format("SELECT available_seats FROM events WHERE id = {} FOR UPDATE", event_id));

// A table name passed as an argument is part of the text; `{{` is a brace.
void reserve(pqxx::work &w, int id) {
  constexpr const char *table = "rooms";
  pqxx::result r = w.exec(fmt::format("SELECT free FROM {0} WHERE id = {1} AND note <> '{{}}'", table, id));
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'rooms' is read without a lock
  if (r[0][0].as<bool>())
    w.exec(fmt::format("UPDATE {} SET free = false WHERE id = {}", table, id));
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'rooms' is updated here
}
// CHECK-FIXES: pqxx::result r = w.exec(fmt::format("SELECT free FROM {0} WHERE id = {1} AND note <> '{{[{][{][}][}]}}' FOR UPDATE", table, id));

// snprintf fills a buffer that is then run: the text is known, but the
// literal is not the statement's own (the buffer is used twice), so no fix.
void pay(pqxx::work &w, int wallet) {
  char sql[128];
  std::snprintf(sql, sizeof sql, "SELECT balance FROM wallets WHERE id = %d", wallet);
  int balance = w.exec(sql)[0][0].as<int>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'wallets' is read without a lock
  if (balance < 10)
    return;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  char update[128];
  snprintf(update, sizeof update, "UPDATE wallets SET balance = balance - %d WHERE id = %d", 10, wallet);
  w.exec(update);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'wallets' is updated here
}

// Different rows: the key arguments differ, so the write is not the read's.
void copy_seats(pqxx::work &w, int from, int to) {
  pqxx::result r = w.exec(fmt::format("SELECT available_seats FROM events WHERE id = {}", from));
  if (r[0][0].as<int>() > 0)
    w.exec(fmt::format("UPDATE events SET available_seats = 0 WHERE id = {}", to));
}

// The locked read stays silent.
void book_locked(pqxx::work &w, int event_id) {
  pqxx::result r = w.exec(fmt::format("SELECT available_seats FROM events WHERE id = {} FOR UPDATE", event_id));
  if (r[0][0].as<int>() > 0)
    w.exec(fmt::format("UPDATE events SET available_seats = available_seats - 1 WHERE id = {}", event_id));
}
