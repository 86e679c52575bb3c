// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: metered API
// credits per tenant, prepared statements kept in a class, real <sqlite3.h>.
#include <sqlite3.h>

#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace metering {

static const char *const kSelectBalance =
    "SELECT remaining FROM credit_balances WHERE tenant_slug = ?1 AND meter = ?2";
static const char *const kSetBalance =
    "UPDATE credit_balances SET remaining = ?1 WHERE tenant_slug = ?2 AND meter = ?3";

// Mails the tenant's billing contact through the local MTA (blocks until the
// sendmail process exits).
inline int mail_low_balance(const std::string &tenant, int remaining) {
  std::ostringstream cmd;
  cmd << "/usr/sbin/sendmail -t < /var/spool/credits/low-" << tenant << "-" << remaining << ".eml";
  return std::system(cmd.str().c_str());
}

class CreditLedger {
public:
  explicit CreditLedger(sqlite3 *db) : db_(db) {
    sqlite3_prepare_v2(db_, kSelectBalance, -1, &selectBalance_, nullptr);
    sqlite3_prepare_v2(db_, kSetBalance, -1, &setBalance_, nullptr);
  }
  ~CreditLedger() {
    sqlite3_finalize(selectBalance_);
    sqlite3_finalize(setBalance_);
  }
  CreditLedger(const CreditLedger &) = delete;
  CreditLedger &operator=(const CreditLedger &) = delete;

  // Reads a balance with the prepared statement (no transaction of its own).
  int balanceOf(const std::string &tenant, const std::string &meter) {
    sqlite3_reset(selectBalance_);
    sqlite3_bind_text(selectBalance_, 1, tenant.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(selectBalance_, 2, meter.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(selectBalance_) != SQLITE_ROW)
      return 0;
    return sqlite3_column_int(selectBalance_, 0);
  }

  void setBalance(const std::string &tenant, const std::string &meter, int remaining) {
    sqlite3_reset(setBalance_);
    sqlite3_bind_int(setBalance_, 1, remaining);
    sqlite3_bind_text(setBalance_, 2, tenant.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(setBalance_, 3, meter.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(setBalance_);
  }

  // case: unsafe
  // BEGIN DEFERRED locks nothing at the read: the balance comes from a helper
  // and the new balance is computed in C++ (a lost update, and overdraft).
  bool spend(const std::string &tenant, const std::string &meter, int cost) {
    sqlite3_exec(db_, "BEGIN DEFERRED TRANSACTION", nullptr, nullptr, nullptr);
    const int remaining = balanceOf(tenant, meter); // expect: dbrace-unlocked-read-update
    if (remaining < cost) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return false;
    }
    setBalance(tenant, meter, remaining - cost);
    sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    return true;
  }

  // case: unsafe
  // Correctly locked with BEGIN IMMEDIATE, but the low-balance mail is sent
  // (sendmail via std::system, in a helper) before the COMMIT: the whole
  // database stays write-locked meanwhile.
  bool spendAndWarn(const std::string &tenant, const std::string &meter, int cost) {
    sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    const int remaining = balanceOf(tenant, meter);
    if (remaining < cost) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return false;
    }
    setBalance(tenant, meter, remaining - cost);
    if (remaining - cost < 100)
      mail_low_balance(tenant, remaining - cost); // expect: dbrace-slow-call-in-transaction
    sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    return true;
  }

  // case: safe
  // BEGIN EXCLUSIVE before the read: read-modify-write under the database lock.
  bool topUp(const std::string &tenant, const std::string &meter, int amount, int cap) {
    sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr);
    const int remaining = balanceOf(tenant, meter);
    const int next = remaining + amount > cap ? cap : remaining + amount;
    setBalance(tenant, meter, next);
    sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    return next != remaining;
  }

  // case: safe
  // Balances of several meters collected into a map for a usage report;
  // nothing is written.
  std::string report(const std::string &tenant, const std::vector<std::string> &meters) {
    std::map<std::string, int> byMeter;
    for (const auto &m : meters)
      byMeter[m] = balanceOf(tenant, m);
    std::ostringstream out;
    for (const auto &[meter, remaining] : byMeter)
      out << meter << ": " << remaining << (remaining < 100 ? " (low)" : "") << "\n";
    return out.str();
  }

  // case: safe
  // Spend under BEGIN IMMEDIATE, commit, and only then mail the warning.
  bool spendThenWarn(const std::string &tenant, const std::string &meter, int cost) {
    sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    const int remaining = balanceOf(tenant, meter);
    if (remaining < cost) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return false;
    }
    setBalance(tenant, meter, remaining - cost);
    sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (remaining - cost < 100)
      mail_low_balance(tenant, remaining - cost);
    return true;
  }

private:
  sqlite3 *db_;
  sqlite3_stmt *selectBalance_ = nullptr;
  sqlite3_stmt *setBalance_ = nullptr;
};

// case: unsafe
// The monthly grant is given once per tenant and month, checked by a
// count in a deferred transaction: two workers both see 0 and both insert.
bool grant_monthly_credits(sqlite3 *db, const std::string &tenant, const std::string &month,
                           int amount) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *chk = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM main.credit_grants WHERE tenant_slug = ? AND month = ?", -1, &chk, nullptr);
  sqlite3_bind_text(chk, 1, tenant.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(chk, 2, month.c_str(), -1, SQLITE_TRANSIENT);
  const bool granted = sqlite3_step(chk) == SQLITE_ROW && sqlite3_column_int(chk, 0) > 0; // expect: dbrace-check-then-insert
  sqlite3_finalize(chk);
  if (granted) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO main.credit_grants (tenant_slug, month, amount) VALUES (?, ?, ?)", -1, &ins, nullptr);
  sqlite3_bind_text(ins, 1, tenant.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(ins, 2, month.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(ins, 3, amount);
  sqlite3_step(ins);
  sqlite3_finalize(ins);
  sqlite3_stmt *add = nullptr;
  sqlite3_prepare_v2(db, "UPDATE credit_balances SET remaining = remaining + ? WHERE tenant_slug = ? AND meter = 'api'", -1, &add, nullptr);
  sqlite3_bind_int(add, 1, amount);
  sqlite3_bind_text(add, 2, tenant.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(add);
  sqlite3_finalize(add);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return true;
}

} // namespace metering
