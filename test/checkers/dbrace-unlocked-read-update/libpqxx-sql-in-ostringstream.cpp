// SQL written to a std::ostringstream or std::stringstream and run as its
// str(): the text is what the `<<` chains wrote before the call, with
// literals, constants and variables whose text is known as text, and other
// values (a parameter, std::to_string(id)) as holes bound to them. The
// literals are not the statement's own (the stream is used more than once);
// a text that ends in a value gets the lock clause after the last `<<`,
// unless the stream is written again afterwards.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <pqxx/pqxx>
#include <sstream>
#include <string>

void book(pqxx::work &w, int event_id) {
  std::ostringstream select;
  select << "SELECT available_seats FROM events WHERE id = " << event_id;
  pqxx::result r = w.exec(select.str());
  if (r[0][0].as<int>() > 0)
    w.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
}
// CHECK-NOTES: :[[@LINE-4]]:20: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: {{^}}  select << "SELECT available_seats FROM events WHERE id = " << event_id << " FOR UPDATE";{{$}}

// Over several statements, with a table name in a variable, an integer
// constant, a manipulator and std::to_string: the same, and no fix-it, as
// the stream is written again for the update.
void restock(pqxx::work &w, int product) {
  const std::string table = "products";
  constexpr int threshold = 10;
  std::stringstream sql;
  sql << "SELECT stock < " << threshold << " FROM " << table << std::endl;
  sql << " WHERE id = " << std::to_string(product);
  bool low = w.exec(sql.str())[0][0].as<bool>();
  sql.str("");
  sql << "UPDATE " << table << " SET stock = stock + " << threshold * 10 << " WHERE id = " << product;
  if (low)
    w.exec(sql.str());
}
// CHECK-NOTES: :[[@LINE-6]]:14: warning: 'products' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'products' is updated here

// Not flagged: the stream's read locks the row.
void book_locked(pqxx::work &w, int event_id) {
  std::ostringstream select;
  select << "SELECT available_seats FROM events WHERE id = " << event_id << " FOR UPDATE";
  pqxx::result r = w.exec(select.str());
  if (r[0][0].as<int>() > 0)
    w.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
}

// Not flagged: the stream was reset and rewritten, so the read is of
// another table than the first text said.
void audit(pqxx::work &w, int event_id) {
  std::ostringstream sql;
  sql << "SELECT available_seats FROM events WHERE id = " << event_id;
  sql.str("");
  sql << "SELECT count(*) FROM audit_log WHERE event_id = " << event_id;
  pqxx::result r = w.exec(sql.str());
  if (r[0][0].as<int>() > 0)
    w.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + std::to_string(event_id));
}
