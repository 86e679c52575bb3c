#include "repository/accounts_repository.h"

namespace transfers {

using namespace literals;

long Accounts_Repository::balance(long account) {
  pqxx::result r =
      tm.exec_1("SELECT balance FROM accounts WHERE id = $1"_M, account);
  return r[0][0].as<long>();
}

long Accounts_Repository::balance_for_update(long account) {
  pqxx::result r = tm.exec_1(
      "SELECT balance FROM accounts WHERE id = $1 FOR UPDATE"_M, account);
  return r[0][0].as<long>();
}

void Accounts_Repository::set_balance(long account, long amount) {
  tm.exec_2("UPDATE accounts SET balance = $2 WHERE id = $1"_M, account,
            amount);
}

bool Accounts_Repository::withdraw_if_covered(long account, long amount) {
  pqxx::result r = tm.exec_2("UPDATE accounts SET balance = balance - $2 "
                             "WHERE id = $1 AND balance >= $2"_M,
                             account, amount);
  return r.affected_rows() == 1;
}

} // namespace transfers
