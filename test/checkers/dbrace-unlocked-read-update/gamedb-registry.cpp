// Statements bound to a key once and run elsewhere by key: an enum index
// (PrepareStatement/GetPreparedStatement) or a name (a query registry),
// declared by the `prepare` and `lookup` rules of gamedb.yaml. The text is
// shared by every use of the key, so no fix-it edits it.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%inputs/registry/gamedb.yaml'}}" -- -I %inputs/registry

#include "gamedb.h"

namespace game {

void DoPrepareStatements(Database &db, QueryRegistry &registry) {
  db.PrepareStatement(CHAR_SEL_GOLD, "SELECT gold FROM characters WHERE guid = ?");
  db.PrepareStatement(CHAR_UPD_GOLD, "UPDATE characters SET gold = ? WHERE guid = ?");
  db.PrepareStatement(CHAR_SEL_GOLD_LOCKED, "SELECT gold FROM characters WHERE guid = ? FOR UPDATE");
  db.PrepareStatement(CHAR_SEL_ITEM_COUNT, "SELECT count FROM item_stacks WHERE guid = ?");
  db.PrepareStatement(CHAR_UPD_ITEM_COUNT, "UPDATE item_stacks SET count = count + 1 WHERE guid = ?");
  db.PrepareStatement(CHAR_INS_ITEM, "INSERT INTO item_log(guid) VALUES (?)");
  registry.add("seats", "SELECT available_seats FROM events WHERE id = ?");
  registry.add("take_seat", "UPDATE events SET available_seats = available_seats - 1 WHERE id = ?");
}

// The same with the locked statement: silent.
void BuyItemLocked(Database &db, int guid, int price) {
  db.BeginTransaction();
  PreparedStatement *stmt = db.GetPreparedStatement(CHAR_SEL_GOLD_LOCKED);
  stmt->setInt(0, guid);
  ResultSet *result = db.Query(stmt);
  int gold = result->getInt(0);
  PreparedStatement *update = db.GetPreparedStatement(CHAR_UPD_GOLD);
  update->setInt(0, gold - price);
  update->setInt(1, guid);
  db.Execute(update);
  db.CommitTransaction();
}

// Statements looked up where they run; the second writes another table.
void StackItem(Database &db) {
  db.BeginTransaction();
  if (db.Query(db.GetPreparedStatement(CHAR_SEL_ITEM_COUNT))->getInt(0) < 20)
    db.Execute(db.GetPreparedStatement(CHAR_UPD_ITEM_COUNT));
  db.CommitTransaction();
}
// CHECK-NOTES: :[[@LINE-4]]:7: warning: 'item_stacks' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'item_stacks' is updated here
// CHECK-NOTES: :[[@LINE-8]]:3: note: the transaction begins here
void LogItem(Database &db) {
  db.BeginTransaction();
  if (db.Query(db.GetPreparedStatement(CHAR_SEL_ITEM_COUNT))->getInt(0) > 0)
    db.Execute(db.GetPreparedStatement(CHAR_INS_ITEM));
  db.CommitTransaction();
}

// Text looked up by name and run directly.
void Book(Database &db, const QueryRegistry &registry) {
  db.BeginTransaction();
  ResultSet *seats = db.DirectQuery(registry.get("seats"));
  if (seats->getInt(0) > 0)
    db.DirectQuery(registry.get("take_seat"));
  db.CommitTransaction();
}
// CHECK-NOTES: :[[@LINE-5]]:22: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-9]]:3: note: the transaction begins here

// A wide literal run directly.
void BookWide(Database &db) {
  db.BeginTransaction();
  ResultSet *seats = db.DirectQueryW(L"SELECT available_seats FROM events WHERE id = 7");
  if (seats->getInt(0) > 0)
    db.DirectQueryW(L"UPDATE events SET available_seats = available_seats - 1 WHERE id = 7");
  db.CommitTransaction();
}
// CHECK-NOTES: :[[@LINE-5]]:22: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'events' is updated here
// CHECK-NOTES: :[[@LINE-9]]:3: note: the transaction begins here

} // namespace game
