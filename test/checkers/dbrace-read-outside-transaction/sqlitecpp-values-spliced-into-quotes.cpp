// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/sqlitecpp

// A value spliced into a quoted literal of the SQL ("... sku = '" + sku +
// "'") is that C++ value: two statements that splice the same variable
// find the same row, two that splice different ones different rows.

#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

void restock(SQLite::Database &db, const std::string &sku, int target) {
  const int current =
      db.execAndGet("SELECT on_hand FROM inventory WHERE sku = '" + sku + "'")
          .getInt();
  if (current >= target)
    return;
  SQLite::Transaction tx(db);
  db.exec("UPDATE inventory SET on_hand = " + std::to_string(target) +
          " WHERE sku = '" + sku + "'");
  tx.commit();
}
// CHECK-NOTES: :[[@LINE-9]]:7: warning: 'inventory' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
// CHECK-NOTES: :[[@LINE-8]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:3: note: 'inventory' is updated here
// CHECK-NOTES: :[[@LINE-8]]:23: note: the transaction begins here
// CHECK-FIXES: void restock(SQLite::Database &db, const std::string &sku, int target) {
// CHECK-FIXES-NEXT: SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);

// Safe: the row read ('from') is not the row written ('to').
void copy_level(SQLite::Database &db, const std::string &from,
                const std::string &to) {
  const int level =
      db.execAndGet("SELECT on_hand FROM inventory WHERE sku = '" + from + "'")
          .getInt();
  if (level <= 0)
    return;
  SQLite::Transaction tx(db);
  db.exec("UPDATE inventory SET on_hand = " + std::to_string(level) +
          " WHERE sku = '" + to + "'");
  tx.commit();
}

