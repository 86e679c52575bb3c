// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: gift cards
// identified by their printed code, CppDB on PostgreSQL, real <cppdb/frontend.h>.
#include <cppdb/frontend.h>

#include <random>
#include <string>

namespace giftcards {

static std::string random_code(std::mt19937 &rng) {
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::uniform_int_distribution<int> pick(0, sizeof(alphabet) - 2);
  std::string code;
  for (int i = 0; i < 12; ++i)
    code += alphabet[pick(rng)];
  return code;
}

// case: unsafe
// A fresh code is "checked free" and then inserted; without a unique
// constraint two issuers can draw and insert the same code.
std::string issue_card(cppdb::session &sql, std::mt19937 &rng, long cents) {
  for (;;) {
    const std::string code = random_code(rng);
    cppdb::result taken = sql << "SELECT 1 FROM giftcards.cards WHERE code = ?" << code << cppdb::row; // expect: dbrace-check-then-insert
    if (!taken.empty())
      continue;
    sql << "INSERT INTO giftcards.cards (code, balance_cents) VALUES (?, ?)" << code << cents << cppdb::exec;
    return code;
  }
}

// case: safe
// The primary key on code decides: ON CONFLICT DO NOTHING and affected().
std::string issue_card_unique(cppdb::session &sql, std::mt19937 &rng, long cents) {
  for (;;) {
    const std::string code = random_code(rng);
    cppdb::statement ins = sql << "INSERT INTO giftcards.cards (code, balance_cents) VALUES (?, ?) "
                                  "ON CONFLICT (code) DO NOTHING"
                               << code << cents;
    ins.exec();
    if (ins.affected() == 1)
      return code;
  }
}

class GiftCardService {
public:
  explicit GiftCardService(cppdb::session &sql)
      : sql_(sql), balanceStmt_(sql.prepare("SELECT balance_cents FROM giftcards.cards WHERE code = ?")) {}

  // Balance through the statement prepared in the constructor; autocommit
  // unless the caller has begun a transaction.
  long balanceOf(const std::string &code) {
    balanceStmt_.reset();
    balanceStmt_.bind(code);
    cppdb::result r = balanceStmt_.row();
    return r.empty() ? -1 : r.get<long>(0);
  }

  // case: unsafe
  // The balance is read by the helper before sql_.begin(); the transaction
  // that writes the computed balance starts too late.
  bool redeem(const std::string &code, long cents, const std::string &orderNo) {
    const long balance = balanceOf(code); // expect: dbrace-read-outside-transaction
    if (balance < cents)
      return false;
    sql_.begin();
    sql_ << "UPDATE giftcards.cards SET balance_cents = ? WHERE code = ?" << balance - cents << code
         << cppdb::exec;
    sql_ << "INSERT INTO giftcards.redemptions (code, order_no, amount_cents) VALUES (?, ?, ?)" << code
         << orderNo << cents << cppdb::exec;
    sql_.commit();
    return true;
  }

  // case: safe
  // The balance is shown to the customer, and every lookup is logged by an
  // unconditional insert into another table.
  long lookup(const std::string &code, const std::string &clientIp) {
    const long balance = balanceOf(code);
    sql_ << "INSERT INTO giftcards.lookup_log (code, client_ip, found) VALUES (?, ?, ?)" << code << clientIp
         << (balance >= 0 ? 1 : 0) << cppdb::exec;
    return balance;
  }

private:
  cppdb::session &sql_;
  cppdb::statement balanceStmt_;
};

} // namespace giftcards
