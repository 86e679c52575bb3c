// FLAGS: -isystem %inputs/cppdb
// cppdb over MySQL: prepaid credits, values bound with << and bind().
#include <cppdb/frontend.h>
#include <string>

namespace credits {

// case: unsafe
// Read-modify-write through a prepared statement bound with <<.
void spend(cppdb::session &sql, int account, long long amount) {
  cppdb::transaction guard(sql);
  long long credits = 0;
  cppdb::result r = sql << "SELECT credits FROM accounts WHERE id = ?" << account << cppdb::row; // expect: dbrace-unlocked-read-update
  r >> credits;
  cppdb::statement update = sql.prepare("UPDATE accounts SET credits = ? WHERE id = ?");
  update << credits - amount << account;
  update.exec();
  guard.commit();
}

// case: unsafe
// The same in one chain, in autocommit.
void spend_chained(cppdb::session &sql, int account, long long amount) {
  cppdb::result r = sql << "SELECT credits FROM accounts WHERE id = ?" << account << cppdb::row; // expect: dbrace-unlocked-read-update
  const long long credits = r.get<long long>(0);
  sql << "UPDATE accounts SET credits = ? WHERE id = ?" << credits - amount << account << cppdb::exec;
}

// case: safe
// Different rows: the parent account's allowance is read, the child's
// account written.
void allowance(cppdb::session &sql, int parent, int child) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT allowance FROM accounts WHERE id = ?" << parent << cppdb::row;
  const long long amount = r.get<long long>(0);
  if (amount > 0)
    sql << "UPDATE accounts SET credits = credits + ? WHERE id = ?" << amount << child << cppdb::exec;
  guard.commit();
}

// case: safe
// Different rows again, bound by number on prepared statements.
void allowance_prepared(cppdb::session &sql, int parent, int child) {
  cppdb::transaction guard(sql);
  cppdb::statement sel = sql.prepare("SELECT allowance FROM accounts WHERE id = ?");
  sel.bind(1, parent);
  cppdb::result r = sel.row();
  long long amount = 0;
  r.fetch(0, amount);
  if (amount <= 0)
    return;
  cppdb::statement upd = sql.prepare("UPDATE accounts SET credits = credits + ? WHERE id = ?");
  upd.bind(1, amount);
  upd.bind(2, child);
  upd.exec();
  guard.commit();
}

// case: safe
// The spend is a conditional UPDATE; affected() decides.
bool spend_atomic(cppdb::session &sql, int account, long long amount) {
  cppdb::statement st = sql.prepare("UPDATE accounts SET credits = credits - ? WHERE id = ? AND credits >= ?");
  st << amount << account << amount;
  st.exec();
  return st.affected() == 1;
}

} // namespace credits
