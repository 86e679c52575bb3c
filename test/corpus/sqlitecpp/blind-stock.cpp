// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: warehouse
// stock keyed by (sku, warehouse), against the real SQLiteCpp 3.2 headers.
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace inventory {

struct StockLevel {
  int on_hand = 0;
  int reserved = 0;
};

struct OrderLine {
  std::string sku;
  int qty = 0;
};

// case: unsafe
// SQLite::Transaction without a behaviour is a deferred BEGIN: no lock at
// the SELECT, and the new on_hand is computed in C++ and concatenated in.
bool pick(SQLite::Database &db, const std::string &sku, const std::string &warehouse, int qty) {
  SQLite::Transaction tx(db);
  SQLite::Statement q(db, "SELECT on_hand, reserved FROM \"inventory\" WHERE sku = ? AND warehouse = ?");
  q.bind(1, sku);
  q.bind(2, warehouse);
  if (!q.executeStep()) // expect: dbrace-unlocked-read-update
    return false;
  StockLevel level{q.getColumn(0).getInt(), q.getColumn(1).getInt()};
  if (level.on_hand - level.reserved < qty)
    return false;
  db.exec("UPDATE inventory SET on_hand = " + std::to_string(level.on_hand - qty) +
          " WHERE sku = '" + sku + "' AND warehouse = '" + warehouse + "'");
  tx.commit();
  return true;
}

// case: safe
// A whole basket under an IMMEDIATE transaction: levels read into a map,
// all checked, then all written, with the database write-locked throughout.
bool pick_basket(SQLite::Database &db, const std::string &warehouse,
                 const std::vector<OrderLine> &lines) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  std::map<std::string, int> onHand;
  SQLite::Statement q(db, "SELECT on_hand FROM inventory WHERE sku = :sku AND warehouse = :wh");
  for (const OrderLine &line : lines) {
    q.reset();
    q.bind(":sku", line.sku);
    q.bind(":wh", warehouse);
    onHand[line.sku] = q.executeStep() ? q.getColumn(0).getInt() : 0;
  }
  for (const OrderLine &line : lines)
    if (onHand[line.sku] < line.qty)
      return false;
  SQLite::Statement upd(db, "UPDATE inventory SET on_hand = :n WHERE sku = :sku AND warehouse = :wh");
  for (const OrderLine &line : lines) {
    upd.reset();
    upd.bind(":n", onHand[line.sku] - line.qty);
    upd.bind(":sku", line.sku);
    upd.bind(":wh", warehouse);
    upd.exec();
  }
  tx.commit();
  return true;
}

// case: safe
// The UPDATE guards itself (on_hand >= qty) and Statement::exec()'s change
// count is checked; there is no earlier read.
bool pick_atomic(SQLite::Database &db, const std::string &sku, const std::string &warehouse, int qty) {
  SQLite::Statement upd(db,
                        "UPDATE inventory SET on_hand = on_hand - ?1 "
                        "WHERE sku = ?2 AND warehouse = ?3 AND on_hand >= ?1");
  upd.bind(1, qty);
  upd.bind(2, sku);
  upd.bind(3, warehouse);
  return upd.exec() == 1;
}

// case: unsafe
// on_hand is read in autocommit with execAndGet; the IMMEDIATE transaction
// begins after the check, so it protects nothing that was read.
void restock_to_target(SQLite::Database &db, const std::string &sku, int target) {
  const int current = db.execAndGet("SELECT on_hand FROM inventory WHERE sku = '" + sku + "' AND warehouse = 'main'").getInt(); // expect: dbrace-read-outside-transaction
  if (current >= target)
    return;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec("UPDATE inventory SET on_hand = " + std::to_string(target) + " WHERE sku = '" + sku +
          "' AND warehouse = 'main'");
  db.exec("INSERT INTO purchase_orders (sku, qty) VALUES ('" + sku + "', " +
          std::to_string(target - current) + ")");
  tx.commit();
}

// case: unsafe
// At most `limit` open reservations per sku: counted in a deferred
// transaction, then inserted; two requests both count limit - 1.
bool reserve(SQLite::Database &db, const std::string &sku, const std::string &orderRef, int limit) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::DEFERRED);
  SQLite::Statement count(db, "SELECT COUNT(*) FROM stock_reservations WHERE sku = ? AND state = 'open'");
  count.bind(1, sku);
  count.executeStep(); // expect: dbrace-check-then-insert
  const int open = count.getColumn(0);
  if (open >= limit)
    return false;
  SQLite::Statement ins(db, "INSERT INTO stock_reservations (sku, order_ref, state) VALUES (?, ?, 'open')");
  ins.bind(1, sku);
  ins.bind(2, orderRef);
  ins.exec();
  tx.commit();
  return true;
}

} // namespace inventory
