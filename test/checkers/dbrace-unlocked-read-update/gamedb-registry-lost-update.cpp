// Statements looked up by enum key into variables and run through them: the
// value set by a setter the rules do not know still reaches the write.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%inputs/registry/gamedb.yaml'}}" -- -I %inputs/registry

#include "gamedb.h"

namespace game {

void DoPrepareStatements(Database &db) {
  db.PrepareStatement(CHAR_SEL_GOLD, "SELECT gold FROM characters WHERE guid = ?");
  db.PrepareStatement(CHAR_UPD_GOLD, "UPDATE characters SET gold = ? WHERE guid = ?");
}

// Gold read, then written from the value read: a lost update.
void BuyItem(Database &db, int guid, int price) {
  db.BeginTransaction();
  PreparedStatement *stmt = db.GetPreparedStatement(CHAR_SEL_GOLD);
  stmt->setInt(0, guid);
  ResultSet *result = db.Query(stmt);
  int gold = result->getInt(0);
  PreparedStatement *update = db.GetPreparedStatement(CHAR_UPD_GOLD);
  update->setInt(0, gold - price);
  update->setInt(1, guid);
  db.Execute(update);
  db.CommitTransaction();
}
// CHECK-NOTES: :[[@LINE-8]]:23: warning: 'characters' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:3: note: the value read is used in this write
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'characters' is updated here
// CHECK-NOTES: :[[@LINE-14]]:3: note: the transaction begins here

} // namespace game
