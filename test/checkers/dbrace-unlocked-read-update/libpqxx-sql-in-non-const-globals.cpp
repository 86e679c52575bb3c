// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -isystem %inputs/pqxx

// SQL kept in a variable of the namespace or the class that is not declared
// const (`static const char *kSql` is a pointer to const characters, the
// pointer itself may change but is not changed) is its initialiser's text.

#include <pqxx/pqxx>
#include <string>

static const char *kSeatsOfShow = "SELECT seats FROM shows WHERE id = $1";
std::string kBalanceOf = "SELECT balance FROM wallets WHERE id = $1";

struct Queries {
  static const char *creditsOf;
};
const char *Queries::creditsOf = "SELECT credits FROM accounts WHERE id = $1";

void book(pqxx::work &w, int show) {
  int seats = w.exec_params1(kSeatsOfShow, show)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE shows SET seats = $1 WHERE id = $2", seats - 1, show);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'shows' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'shows' is updated here

void pay(pqxx::work &w, int wallet, long amount) {
  long balance = w.exec_params1(kBalanceOf, wallet)[0].as<long>();
  if (balance >= amount)
    w.exec_params("UPDATE wallets SET balance = $1 WHERE id = $2",
                  balance - amount, wallet);
}
// CHECK-NOTES: :[[@LINE-5]]:18: warning: 'wallets' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'wallets' is updated here

void spend(pqxx::work &w, int account) {
  int credits = w.exec_params1(Queries::creditsOf, account)[0].as<int>();
  if (credits > 0)
    w.exec_params("UPDATE accounts SET credits = credits - 1 WHERE id = $1",
                  account);
}
// CHECK-NOTES: :[[@LINE-5]]:17: warning: 'accounts' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-5]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-5]]:5: note: 'accounts' is updated here

// Safe: the same kind of variable holds a locking read.
static const char *kLockedSeats =
    "SELECT seats FROM shows WHERE id = $1 FOR UPDATE";

void book_locked(pqxx::work &w, int show) {
  int seats = w.exec_params1(kLockedSeats, show)[0].as<int>();
  if (seats > 0)
    w.exec_params("UPDATE shows SET seats = $1 WHERE id = $2", seats - 1, show);
}
// CHECK-FIXES: static const char *kSeatsOfShow = "SELECT seats FROM shows WHERE id = $1 FOR UPDATE";
// CHECK-FIXES: std::string kBalanceOf = "SELECT balance FROM wallets WHERE id = $1 FOR UPDATE";
// CHECK-FIXES: const char *Queries::creditsOf = "SELECT credits FROM accounts WHERE id = $1 FOR UPDATE";
