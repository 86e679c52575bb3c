// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- --config="{CheckOptions: {RulesFiles: '%inputs/chaindb/chaindb.yaml'}}" -- -I %inputs/chaindb

// A statement queued to run later on another connection (`runs: later`):
// the lock the read takes here is gone by the time the queued write runs,
// whatever transaction this function holds.

#include "chaindb.h"

void restock_locked(chaindb::Connection &conn, chaindb::TaskQueue &tasks) {
  conn.begin();
  chaindb::Statement *sel = conn.prepare("SELECT stock FROM items WHERE id = 7 FOR UPDATE");
  chaindb::Row row;
  sel->execute()->getResult(row);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'items' is read and locked in a transaction that ends before the write; the lock is gone by the write [dbrace-read-outside-transaction]
  if (row.get(0) < 10)
    tasks.addTask("UPDATE items SET stock = stock + 100 WHERE id = 7");
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'items' is updated here
  conn.commit();
}

// Not flagged: the same restock run here, in the transaction that holds
// the lock.
void restock_now(chaindb::Connection &conn) {
  conn.begin();
  chaindb::Statement *sel = conn.prepare("SELECT stock FROM items WHERE id = 7 FOR UPDATE");
  chaindb::Row row;
  sel->execute()->getResult(row);
  chaindb::Statement *upd = conn.prepare("UPDATE items SET stock = stock + 100 WHERE id = 7");
  if (row.get(0) < 10)
    upd->execute();
  conn.commit();
}
