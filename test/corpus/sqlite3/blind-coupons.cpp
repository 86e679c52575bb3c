// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: coupon codes
// with a limited number of uses, against the real <sqlite3.h>.
#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace promo {

static const char *kCouponUses =
    "SELECT uses_left, expires_on FROM \"coupons\" WHERE code = ?1";

namespace {
void exec_or_throw(sqlite3 *db, const char *sql) {
  char *err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "sqlite error";
    sqlite3_free(err);
    throw std::runtime_error(msg);
  }
}
} // namespace

// case: unsafe
// A deferred BEGIN takes no lock at the SELECT: two redemptions both read
// uses_left = 1 and both write 0 (std::stoi on the text of the column).
bool redeem(sqlite3 *db, const std::string &code) {
  exec_or_throw(db, "BEGIN");
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, kCouponUses, -1, &sel, nullptr);
  sqlite3_bind_text(sel, 1, code.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(sel) != SQLITE_ROW) { // expect: dbrace-unlocked-read-update
    sqlite3_finalize(sel);
    exec_or_throw(db, "ROLLBACK");
    return false;
  }
  const int usesLeft = std::stoi(reinterpret_cast<const char *>(sqlite3_column_text(sel, 0)));
  sqlite3_finalize(sel);
  if (usesLeft <= 0) {
    exec_or_throw(db, "ROLLBACK");
    return false;
  }
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE \"coupons\" SET uses_left = ?1 WHERE code = ?2", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, usesLeft - 1);
  sqlite3_bind_text(upd, 2, code.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  exec_or_throw(db, "COMMIT");
  return true;
}

// case: safe
// The same with BEGIN IMMEDIATE: the database is write-locked from the
// begin, so a second redemption waits and then reads the new count.
bool redeem_immediate(sqlite3 *db, const std::string &code) {
  exec_or_throw(db, "BEGIN IMMEDIATE");
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, kCouponUses, -1, &sel, nullptr);
  sqlite3_bind_text(sel, 1, code.c_str(), -1, SQLITE_TRANSIENT);
  const bool found = sqlite3_step(sel) == SQLITE_ROW;
  const int usesLeft = found ? sqlite3_column_int(sel, 0) : 0;
  sqlite3_finalize(sel);
  if (usesLeft <= 0) {
    exec_or_throw(db, "ROLLBACK");
    return false;
  }
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE \"coupons\" SET uses_left = uses_left - 1 WHERE code = ?1", -1, &upd, nullptr);
  sqlite3_bind_text(upd, 1, code.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  exec_or_throw(db, "COMMIT");
  return true;
}

// case: safe
// No read at all: the UPDATE carries the test (uses_left > 0, not expired)
// and sqlite3_changes() says whether it applied.
bool redeem_atomic(sqlite3 *db, const std::string &code, const std::string &today) {
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db,
                     "UPDATE coupons SET uses_left = uses_left - 1 "
                     "WHERE code = ?1 AND uses_left > 0 AND expires_on >= ?2",
                     -1, &upd, nullptr);
  sqlite3_bind_text(upd, 1, code.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(upd, 2, today.c_str(), -1, SQLITE_TRANSIENT);
  const int rc = sqlite3_step(upd);
  sqlite3_finalize(upd);
  return rc == SQLITE_DONE && sqlite3_changes(db) == 1;
}

// case: unsafe
// One redemption per customer and code, checked by a count in autocommit
// and then inserted; no unique index on (code, customer_email).
bool record_redemption(sqlite3 *db, const std::string &code, const std::string &email) {
  sqlite3_stmt *cnt = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT COUNT(*) FROM coupon_redemptions r "
                     "WHERE r.code = ?1 AND r.customer_email = ?2",
                     -1, &cnt, nullptr);
  sqlite3_bind_text(cnt, 1, code.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(cnt, 2, email.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(cnt); // expect: dbrace-check-then-insert
  const int already = sqlite3_column_int(cnt, 0);
  sqlite3_finalize(cnt);
  if (already > 0)
    return false;
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO coupon_redemptions (code, customer_email) VALUES (?1, ?2)", -1,
                     &ins, nullptr);
  sqlite3_bind_text(ins, 1, code.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(ins, 2, email.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(ins);
  sqlite3_finalize(ins);
  return true;
}

// case: safe
// The unique index on (code, customer_email) decides: INSERT OR IGNORE and
// sqlite3_changes().
bool record_redemption_once(sqlite3 *db, const std::string &code, const std::string &email) {
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT OR IGNORE INTO coupon_redemptions (code, customer_email) VALUES (?1, ?2)",
                     -1, &ins, nullptr);
  sqlite3_bind_text(ins, 1, code.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(ins, 2, email.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(ins);
  sqlite3_finalize(ins);
  return sqlite3_changes(db) == 1;
}

// case: unsafe
// uses_left is read in autocommit; BEGIN IMMEDIATE comes only after the
// check, so it locks too late, and the new count is computed in C++.
bool redeem_late_begin(sqlite3 *db, const std::string &code) {
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT uses_left FROM coupons WHERE code = ?1", -1, &sel, nullptr);
  sqlite3_bind_text(sel, 1, code.c_str(), -1, SQLITE_TRANSIENT);
  int usesLeft = 0;
  if (sqlite3_step(sel) == SQLITE_ROW) // expect: dbrace-read-outside-transaction
    usesLeft = sqlite3_column_int(sel, 0);
  sqlite3_finalize(sel);
  if (usesLeft == 0)
    return false;
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *upd = nullptr;
  sqlite3_prepare_v2(db, "UPDATE coupons SET uses_left = ?1 WHERE code = ?2", -1, &upd, nullptr);
  sqlite3_bind_int(upd, 1, usesLeft - 1);
  sqlite3_bind_text(upd, 2, code.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(upd);
  sqlite3_finalize(upd);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return true;
}

} // namespace promo
