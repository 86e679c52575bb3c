// A project's own data-access class whose methods run fixed statements
// (their SQL is inside the .cpp that implements them, not visible here).
#pragma once

namespace walletdao {
class Db {
public:
  void begin();
  void commit();
  void rollback();
};

class Wallets {
public:
  explicit Wallets(Db &db);
  long balance(long wallet);                       // SELECT balance
  long balanceForUpdate(long wallet);              // ... FOR UPDATE
  void setBalance(long wallet, long amount);       // SET balance = amount
  void debit(long wallet, long amount);            // SET balance = balance - amount
  int debitIfCovered(long wallet, long amount);    // ... AND balance >= amount; rows changed
};
} // namespace walletdao
