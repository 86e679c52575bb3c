// RUN: %check_dbrace --check-suffix=SCHEMA %s dbrace-read-outside-transaction %t -- --config="{CheckOptions: {SchemaFiles: '%inputs/schema/rows.sql'}}" -- -isystem %inputs/pqxx
// RUN: %check_dbrace --check-suffix=SCHEMA %s dbrace-read-outside-transaction %t.real -- --config="{CheckOptions: {SchemaFiles: '%inputs/schema/rows.sql'}}"
// RUN: %check_dbrace --check-suffix=NONE %s dbrace-read-outside-transaction %t.none -- -- -isystem %inputs/pqxx

// With a schema (rows.sql: accounts is keyed by id), the read before the
// transaction and the write in it are one row when their keys are bound to
// one value, whatever other columns each also compares.

#include <pqxx/pqxx>
#include <string>

struct Request {
  long account;
  std::string currency;
  long amount;
};

// The currency each statement compares comes from a different variable; it
// is a condition on the account, not its identity. Without a schema the two
// may be different rows, and nothing is said.
void withdraw(pqxx::connection &c, const Request &req, const std::string &currency) {
  pqxx::nontransaction n(c);
  long balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1 AND currency = $2", req.account, currency)[0].as<long>();
  if (balance < req.amount)
    return;
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND currency = $3", req.amount, req.account, req.currency);
  w.commit();
}
// CHECK-NOTES-SCHEMA: :[[@LINE-7]]:18: warning: 'accounts' is read before the transaction that writes it begins; a concurrent request can change it in between [dbrace-read-outside-transaction]
// CHECK-NOTES-SCHEMA: :[[@LINE-7]]:7: note: the value read is checked here
// CHECK-NOTES-SCHEMA: :[[@LINE-5]]:3: note: 'accounts' is updated here
// CHECK-NOTES-SCHEMA: :[[@LINE-7]]:14: note: the transaction begins here
// CHECK-FIXES-SCHEMA: {{^}}  pqxx::work w(c);{{$}}
// CHECK-FIXES-SCHEMA-NEXT: {{^}}  long balance = w.exec_params1("SELECT balance FROM accounts WHERE id = $1 AND currency = $2 FOR UPDATE", req.account, currency)[0].as<long>();{{$}}

// Keys bound to different accounts: different rows, with or without a
// schema.
void top_up_other(pqxx::connection &c, long from, long to, const std::string &currency) {
  pqxx::nontransaction n(c);
  long balance = n.exec_params1("SELECT balance FROM accounts WHERE id = $1 AND currency = $2", from, currency)[0].as<long>();
  if (balance < 100)
    return;
  pqxx::work w(c);
  w.exec_params("UPDATE accounts SET balance = balance + 1 WHERE id = $1 AND currency = $2", to, currency);
  w.commit();
}
