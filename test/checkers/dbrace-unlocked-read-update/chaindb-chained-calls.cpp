// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- --config="{CheckOptions: {RulesFiles: '%inputs/chaindb/chaindb.yaml'}}" -- -I %inputs/chaindb

// A layer whose calls return the statement (`returns: object`), so that
// they chain: `stmt->bind(":id", id)->execute()->getResult(row)` binds,
// runs and fetches into `row` (`fetch`); and a cursor whose rows are
// fetched into an argument (`cur.nextRow(row)`).

#include "chaindb.h"

bool book(chaindb::Connection &conn, int event) {
  conn.begin();
  chaindb::Statement *sel = conn.prepare("SELECT seats FROM events WHERE id = :id");
  chaindb::Row row;
  sel->bind(":id", event)->execute()->getResult(row);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  if (row.get(0) <= 0)
    return false;
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  chaindb::Statement *upd = conn.prepare("UPDATE events SET seats = seats - 1 WHERE id = :id");
  upd->bind(":id", event)->execute();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'events' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:3: note: the transaction begins here
  conn.commit();
  return true;
}
// CHECK-FIXES: chaindb::Statement *sel = conn.prepare("SELECT seats FROM events WHERE id = :id FOR UPDATE");

// Not flagged: the event checked is another one than the event written,
// told apart by the values the chains bind.
bool move_seat(chaindb::Connection &conn, int from, int to) {
  conn.begin();
  chaindb::Statement *sel = conn.prepare("SELECT seats FROM events WHERE id = :id FOR UPDATE");
  chaindb::Row row;
  sel->bind(":id", from)->execute()->getResult(row);
  if (row.get(0) <= 0)
    return false;
  chaindb::Statement *upd = conn.prepare("UPDATE events SET seats = seats + 1 WHERE id = :id");
  upd->bind(":id", to)->execute();
  conn.commit();
  return true;
}

// A cursor: the row fetched into `row` carries the read.
void restock(chaindb::Connection &conn, int item) {
  conn.begin();
  chaindb::Cursor cur(conn);
  cur.lookup("SELECT stock FROM items WHERE id = $1", item);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'items' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
  chaindb::Statement *upd = conn.prepare("UPDATE items SET stock = stock + 100 WHERE id = :id");
  chaindb::Row row;
  while (cur.nextRow(row))
    if (row.get(0) < 10)
      upd->bind(":id", item)->execute();
  // CHECK-NOTES: :[[@LINE-2]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:7: note: 'items' is updated here
  // CHECK-NOTES: :[[@LINE-11]]:3: note: the transaction begins here
  conn.commit();
}
// CHECK-FIXES: cur.lookup("SELECT stock FROM items WHERE id = $1 FOR UPDATE", item);
