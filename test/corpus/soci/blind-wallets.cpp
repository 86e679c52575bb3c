// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: multi-currency
// wallets keyed by (owner_handle, currency), SOCI 4 on PostgreSQL, real headers.
#include <soci/soci.h>

#include <stdexcept>
#include <string>

namespace wallet {

struct Balance {
  std::string owner;
  std::string currency;
  long long minor_units = 0;
};

class InsufficientFunds : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class WalletService {
public:
  explicit WalletService(soci::session &sql) : sql_(sql) {}

  // case: unsafe
  // Read into a struct inside soci::transaction, but without FOR UPDATE;
  // the new balance is computed in C++ and written back (lost update).
  Balance debit(const std::string &owner, const std::string &currency, long long amount) {
    soci::transaction tr(sql_);
    Balance b{owner, currency, 0};
    sql_ << "SELECT minor_units FROM wallets.balances WHERE owner_handle = :owner AND currency = :cur", soci::into(b.minor_units), soci::use(owner, "owner"), soci::use(currency, "cur"); // expect: dbrace-unlocked-read-update
    if (b.minor_units < amount)
      throw InsufficientFunds("wallet " + owner + " has too little " + currency);
    b.minor_units -= amount;
    sql_ << "UPDATE wallets.balances SET minor_units = :units WHERE owner_handle = :owner AND currency = :cur",
        soci::use(b.minor_units, "units"), soci::use(owner, "owner"), soci::use(currency, "cur");
    tr.commit();
    return b;
  }

  // case: safe
  // The same with FOR UPDATE inside the soci::transaction that writes.
  Balance debitLocked(const std::string &owner, const std::string &currency, long long amount) {
    soci::transaction tr(sql_);
    Balance b{owner, currency, 0};
    sql_ << "SELECT minor_units FROM wallets.balances WHERE owner_handle = :owner AND currency = :cur FOR UPDATE",
        soci::into(b.minor_units), soci::use(owner, "owner"), soci::use(currency, "cur");
    if (b.minor_units < amount)
      throw InsufficientFunds("wallet " + owner + " has too little " + currency);
    b.minor_units -= amount;
    sql_ << "UPDATE wallets.balances SET minor_units = :units WHERE owner_handle = :owner AND currency = :cur",
        soci::use(b.minor_units, "units"), soci::use(owner, "owner"), soci::use(currency, "cur");
    tr.commit();
    return b;
  }

  // case: unsafe
  // FOR UPDATE with no transaction: the session is in autocommit, so the
  // row lock ends with the SELECT, before the guarded UPDATE.
  bool freeze(const std::string &owner, const std::string &currency) {
    std::string state;
    sql_ << "SELECT state FROM wallets.balances WHERE owner_handle = :owner AND currency = :cur FOR UPDATE", soci::into(state), soci::use(owner, "owner"), soci::use(currency, "cur"); // expect: dbrace-lock-without-transaction
    if (!sql_.got_data() || state != "active")
      return false;
    sql_ << "UPDATE wallets.balances SET state = 'frozen' WHERE owner_handle = :owner AND currency = :cur",
        soci::use(owner, "owner"), soci::use(currency, "cur");
    return true;
  }

  // case: safe
  // The UPDATE tests the balance itself and get_affected_rows() decides.
  bool debitAtomic(const std::string &owner, const std::string &currency, long long amount) {
    soci::statement st = (sql_.prepare << "UPDATE wallets.balances SET minor_units = minor_units - :amt "
                                          "WHERE owner_handle = :owner AND currency = :cur AND minor_units >= :needed",
                          soci::use(amount, "amt"), soci::use(owner, "owner"), soci::use(currency, "cur"),
                          soci::use(amount, "needed"));
    st.execute(true);
    return st.get_affected_rows() == 1;
  }

  // case: unsafe
  // Transfer: the sender's balance is checked in autocommit, and the
  // transaction that debits it begins only afterwards.
  void transfer(const std::string &from, const std::string &to, const std::string &currency,
                long long amount) {
    long long available = 0;
    sql_ << "SELECT minor_units FROM wallets.balances WHERE owner_handle = :owner AND currency = :cur", soci::into(available), soci::use(from, "owner"), soci::use(currency, "cur"); // expect: dbrace-read-outside-transaction
    if (available < amount)
      throw InsufficientFunds("transfer exceeds balance");
    soci::transaction tr(sql_);
    sql_ << "UPDATE wallets.balances SET minor_units = minor_units - :amt WHERE owner_handle = :owner AND currency = :cur",
        soci::use(amount, "amt"), soci::use(from, "owner"), soci::use(currency, "cur");
    sql_ << "UPDATE wallets.balances SET minor_units = minor_units + :amt WHERE owner_handle = :owner AND currency = :cur",
        soci::use(amount, "amt"), soci::use(to, "owner"), soci::use(currency, "cur");
    tr.commit();
  }

private:
  soci::session &sql_;
};

} // namespace wallet
