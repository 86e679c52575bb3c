// RUN: %check_dbrace %s dbrace-check-then-insert %t -- -- -isystem %inputs/wt

#include <Wt/Dbo/Dbo.h>
#include <memory>
#include <string>

namespace dbo = Wt::Dbo;

class User {
public:
  std::string email;
  template <class Action> void persist(Action &a) { dbo::field(a, email, "email"); }
};

// "No user with this e-mail yet, so add one": two concurrent sign-ups both
// see none, and the version column does not help a row that does not exist.
dbo::ptr<User> sign_up(dbo::Session &session, const std::string &email) {
  dbo::Transaction t(session);
  dbo::ptr<User> existing = session.find<User>().where("email = ?").bind(email);
  if (existing)
    return existing;
  // CHECK-NOTES: :[[@LINE-3]]:29: warning: check of 'User' decides an insert into it; a concurrent request can pass the same check before this one inserts, and no row lock covers a row that does not exist yet [dbrace-check-then-insert]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: the value read is checked here
  auto user = std::make_unique<User>();
  user->email = email;
  return session.add(std::move(user));
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'User' is inserted into here
  // CHECK-NOTES: :[[@LINE-10]]:20: note: the transaction begins here
  // CHECK-NOTES: :[[@LINE-3]]:10: note: a unique constraint with 'INSERT IGNORE' or 'ON DUPLICATE KEY UPDATE' and a check of the affected rows, or locking the parent row before the check, makes this safe
}

// Not flagged: an insert that no read decides.
dbo::ptr<User> import_user(dbo::Session &session, const std::string &email) {
  dbo::Transaction t(session);
  auto user = std::make_unique<User>();
  user->email = email;
  return session.add(std::move(user));
}
