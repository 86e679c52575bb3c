// FLAGS: -isystem %inputs/wt -isystem %corpus/include
// Wt::Dbo on MySQL: a shop's coupons, wallets, stock and sign-up. The
// Transaction's destructor commits; mapped objects carry a version column,
// so modify() of a stale object fails at flush.
#include <Wt/Dbo/Dbo.h>
#include <curl/curl.h>
#include <stdexcept>
#include <string>

namespace dbo = Wt::Dbo;

namespace shop {

class Coupon {
public:
  std::string code;
  bool used = false;

  template <class Action> void persist(Action &a) {
    dbo::field(a, code, "code");
    dbo::field(a, used, "used");
  }
};

// case: unsafe
// A single-use coupon checked and marked used in raw SQL, without a lock.
bool redeem(dbo::Session &session, const std::string &code) {
  dbo::Transaction t(session);
  int used = session.query<int>("SELECT used FROM coupons WHERE code = ?").bind(code); // expect: dbrace-unlocked-read-update
  if (used != 0)
    return false;
  session.execute("UPDATE coupons SET used = 1 WHERE code = ?").bind(code);
  return true;
}

// case: safe
// The same with FOR UPDATE.
bool redeem_locked(dbo::Session &session, const std::string &code) {
  dbo::Transaction t(session);
  int used = session.query<int>("SELECT used FROM coupons WHERE code = ? FOR UPDATE").bind(code);
  if (used != 0)
    return false;
  session.execute("UPDATE coupons SET used = 1 WHERE code = ?").bind(code);
  return true;
}

// case: safe
// The ORM way: modify() goes through the version column, so the second of
// two concurrent redemptions fails with StaleObjectException.
bool redeem_versioned(dbo::Session &session, const std::string &code) {
  dbo::Transaction t(session);
  dbo::ptr<Coupon> c = session.find<Coupon>().where("code = ?").bind(code);
  if (!c || c->used)
    return false;
  c.modify()->used = true;
  return true;
}

// case: unsafe
// A wallet debited from a balance read in an earlier transaction.
void pay(dbo::Session &session, long long wallet_id, double amount) {
  double balance = 0;
  {
    dbo::Transaction t(session);
    balance = session.query<double>("SELECT balance FROM wallets WHERE id = ?").bind(wallet_id); // expect: dbrace-read-outside-transaction
  }
  if (balance < amount)
    throw std::runtime_error("insufficient funds");
  dbo::Transaction t(session);
  session.execute("UPDATE wallets SET balance = ? WHERE id = ?").bind(balance - amount).bind(wallet_id);
}

// case: unsafe
// Stock read and written back in one transaction without a lock.
void restock_if_low(dbo::Session &session, long long product_id) {
  dbo::Transaction t(session);
  int stock = session.query<int>("SELECT stock FROM products WHERE id = ?").bind(product_id); // expect: dbrace-unlocked-read-update
  if (stock < 5)
    session.execute("UPDATE products SET stock = ? WHERE id = ?").bind(stock + 100).bind(product_id);
}

// case: safe
// The decrement checks the stock itself.
void sell_atomic(dbo::Session &session, long long product_id) {
  dbo::Transaction t(session);
  session.execute("UPDATE products SET stock = stock - 1 WHERE id = ? AND stock > 0").bind(product_id);
}

// case: unsafe
// Sign-up: "no user with this e-mail, so insert".
bool sign_up(dbo::Session &session, const std::string &email) {
  dbo::Transaction t(session);
  int n = session.query<int>("SELECT COUNT(*) FROM users WHERE email = ?").bind(email); // expect: dbrace-check-then-insert
  if (n > 0)
    return false;
  session.execute("INSERT INTO users (email) VALUES (?)").bind(email);
  return true;
}

// case: safe
// The category (another table) decides a write of the product.
void hide_products(dbo::Session &session, long long category_id, long long product_id) {
  dbo::Transaction t(session);
  int hidden = session.query<int>("SELECT hidden FROM categories WHERE id = ?").bind(category_id);
  if (hidden)
    session.execute("UPDATE products SET visible = 0 WHERE id = ?").bind(product_id);
}

// case: safe
// The stock is read for the product page; the view is logged
// unconditionally.
int product_page(dbo::Session &session, long long product_id) {
  dbo::Transaction t(session);
  int stock = session.query<int>("SELECT stock FROM products WHERE id = ?").bind(product_id);
  session.execute("INSERT INTO page_views (product_id) VALUES (?)").bind(product_id);
  return stock;
}

static void notify_warehouse(long long product_id) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://warehouse.example/reorder");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// case: unsafe
// The product row stays locked while the warehouse is called.
void reorder(dbo::Session &session, long long product_id) {
  dbo::Transaction t(session);
  int stock = session.query<int>("SELECT stock FROM products WHERE id = ? FOR UPDATE").bind(product_id);
  if (stock < 5) {
    notify_warehouse(product_id); // expect: dbrace-slow-call-in-transaction
    session.execute("UPDATE products SET reordered = 1 WHERE id = ?").bind(product_id);
  }
}

// case: safe
// A version column in raw SQL: the UPDATE compares the version read.
bool rename_product(dbo::Session &session, long long product_id, const std::string &name) {
  dbo::Transaction t(session);
  int version = session.query<int>("SELECT version FROM products WHERE id = ?").bind(product_id);
  session.execute("UPDATE products SET name = ?, version = version + 1 WHERE id = ? AND version = ?")
      .bind(name)
      .bind(product_id)
      .bind(version);
  return true;
}

// case: unsafe
// Credits read and written back in autocommit (no Transaction at all).
void add_bonus(dbo::Session &session, long long user_id, int bonus) {
  int credits = session.query<int>("SELECT credits FROM users WHERE id = ?").bind(user_id); // expect: dbrace-unlocked-read-update
  session.execute("UPDATE users SET credits = ? WHERE id = ?").bind(credits + bonus).bind(user_id);
}

} // namespace shop
