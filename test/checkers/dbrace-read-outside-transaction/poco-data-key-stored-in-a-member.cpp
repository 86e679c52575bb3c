// A statement prepared once in the constructor binds a member by reference
// (`use(code_)`); the member function that runs it first stores its argument
// there. The row read is then the argument's, the row a later statement
// binds the argument itself to.
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t -- -- -isystem %inputs/poco
// RUN: %check_dbrace %s dbrace-read-outside-transaction %t.real

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <string>

using namespace Poco::Data::Keywords;

class Vouchers {
public:
  explicit Vouchers(Poco::Data::Session &session) : session_(session), select_(session) {
    select_ << "SELECT credit FROM vouchers WHERE code = ?", into(credit_), use(code_);
  }

  // The credit is read in autocommit, the transaction that spends it begins
  // after the check.
  bool spend(const std::string &code, int amount) {
    code_ = code;
    select_.execute();
    if (credit_ < amount)
      return false;
    session_.begin();
    session_ << "UPDATE vouchers SET credit = ? WHERE code = ?", bind(credit_ - amount), bind(code), now;
    session_.commit();
    return true;
  }
  // CHECK-NOTES: :[[@LINE-8]]:5: warning: 'vouchers' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
  // CHECK-NOTES: :[[@LINE-8]]:9: note: the value read is checked here
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'vouchers' is updated here
  // CHECK-NOTES: :[[@LINE-8]]:5: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-12]]:5: note: begin the transaction before the read: move 'session_.begin();' above it

  // Not flagged: the voucher read is not the one written.
  bool top_up_other(const std::string &code, const std::string &other) {
    code_ = code;
    select_.execute();
    if (credit_ <= 0)
      return false;
    session_.begin();
    session_ << "UPDATE vouchers SET credit = credit + 1 WHERE code = ?", bind(other), now;
    session_.commit();
    return true;
  }

private:
  Poco::Data::Session &session_;
  Poco::Data::Statement select_;
  std::string code_;
  int credit_ = 0;
};
