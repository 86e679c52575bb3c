// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%inputs/chaindb/chaindb.yaml'}}" -- -I %inputs/chaindb

// A write queued to run later on another connection (`runs: later`) is
// still decided by the read, so the race is reported; but no transaction
// opened here would hold it, so no fix-it or advice to open one is given.

#include "chaindb.h"

void restock_later(chaindb::Connection &conn, chaindb::TaskQueue &tasks) {
  chaindb::Statement *sel = conn.prepare("SELECT stock FROM items WHERE id = 7");
  chaindb::Row row;
  sel->execute()->getResult(row);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'items' is read without a transaction or lock and then written based on the value; a concurrent request can read the same value before this one writes [dbrace-unlocked-read-update]
  if (row.get(0) < 10)
    tasks.addTask("UPDATE items SET stock = stock + 100 WHERE id = 7");
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'items' is updated here
}
