// The into() elements of a prepared statement are filled when it runs
// (execute), and a rowset runs the statement prepared in its initialiser.
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/soci
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real

#include <soci/soci.h>

// The into() of a prepared statement, filled by execute(true).
void restock(soci::session &sql) {
  int stock = 0;
  soci::statement st = (sql.prepare << "SELECT stock FROM products WHERE id = 4", soci::into(stock));
  st.execute(true);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'products' is read without a transaction or lock
  if (stock < 5)
    sql << "UPDATE products SET stock = stock + 100 WHERE id = 4";
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-6]]:3: note: to run the read and the write in one transaction, write 'soci::transaction tx(...);' before the read and 'tx.commit();' on each normal exit after the write
}

// The rows of a rowset, summed in a loop.
void stock_rowset(soci::session &sql) {
  soci::rowset<int> rs = (sql.prepare << "SELECT stock FROM products WHERE id = 4");
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'products' is read without a transaction or lock
  int total = 0;
  for (soci::rowset<int>::const_iterator it = rs.begin(); it != rs.end(); ++it)
    total += *it;
  if (total < 5)
    sql << "UPDATE products SET stock = stock + 100 WHERE id = 4";
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'products' is updated here
  // CHECK-NOTES: :[[@LINE-9]]:26: note: to run the read and the write in one transaction, write 'soci::transaction tx(...);' before the read and 'tx.commit();' on each normal exit after the write
}
