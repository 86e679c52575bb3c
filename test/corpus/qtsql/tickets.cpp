// FLAGS: -isystem %inputs/qt -isystem %corpus/include
// Qt SQL on PostgreSQL: a box office's seats, vouchers, wallets and sign-up,
// in the styles of a Qt desktop client (QSqlQuery, prepared statements,
// QStringLiteral, QSqlDatabase::transaction()).
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <curl/curl.h>

namespace boxoffice {

static const char *const kSeatsLeft = "SELECT seats_left FROM shows WHERE id = ?";

// case: unsafe
// The seats are checked in C++ and decremented in a transaction without a
// lock.
bool sell_ticket(QSqlDatabase db, int show_id) {
  db.transaction();
  QSqlQuery q(db);
  q.prepare(kSeatsLeft);
  q.addBindValue(show_id);
  if (!q.exec() || !q.next() || q.value(0).toInt() <= 0) { // expect: dbrace-unlocked-read-update
    db.rollback();
    return false;
  }
  QSqlQuery upd(db);
  upd.prepare("UPDATE shows SET seats_left = seats_left - 1 WHERE id = ?");
  upd.addBindValue(show_id);
  upd.exec();
  return db.commit();
}

// case: safe
// The same with FOR UPDATE in the transaction.
bool sell_ticket_locked(QSqlDatabase db, int show_id) {
  db.transaction();
  QSqlQuery q(db);
  q.prepare("SELECT seats_left FROM shows WHERE id = ? FOR UPDATE");
  q.addBindValue(show_id);
  if (!q.exec() || !q.next() || q.value(0).toInt() <= 0) {
    db.rollback();
    return false;
  }
  QSqlQuery upd(db);
  upd.prepare("UPDATE shows SET seats_left = seats_left - 1 WHERE id = ?");
  upd.addBindValue(show_id);
  upd.exec();
  return db.commit();
}

// case: safe
// The decrement checks the seats itself; numRowsAffected() decides.
bool sell_ticket_atomic(QSqlDatabase db, int show_id) {
  QSqlQuery upd(db);
  upd.prepare(QStringLiteral("UPDATE shows SET seats_left = seats_left - 1 WHERE id = ? AND seats_left > 0"));
  upd.addBindValue(show_id);
  return upd.exec() && upd.numRowsAffected() == 1;
}

// case: unsafe
// A wallet debited from a balance read in autocommit.
void pay_from_wallet(QSqlDatabase db, int wallet_id, double amount) {
  QSqlQuery q(QString("SELECT balance FROM wallets WHERE id = %1").arg(wallet_id), db); // expect: dbrace-unlocked-read-update
  if (!q.next())
    return;
  const double balance = q.value(0).toDouble();
  QSqlQuery upd(db);
  upd.prepare("UPDATE wallets SET balance = ? WHERE id = ?");
  upd.addBindValue(balance - amount);
  upd.addBindValue(wallet_id);
  upd.exec();
}

// case: safe
// SERIALIZABLE set as the transaction's first statement; the caller retries
// on a serialization failure.
bool pay_serializable(QSqlDatabase db, int wallet_id, double amount) {
  db.transaction();
  db.exec("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  QSqlQuery q(db);
  q.prepare("SELECT balance FROM wallets WHERE id = ?");
  q.addBindValue(wallet_id);
  if (!q.exec() || !q.next() || q.value(0).toDouble() < amount) {
    db.rollback();
    return false;
  }
  QSqlQuery upd(db);
  upd.prepare("UPDATE wallets SET balance = balance - ? WHERE id = ?");
  upd.addBindValue(amount);
  upd.addBindValue(wallet_id);
  upd.exec();
  return db.commit();
}

// case: unsafe
// "No account with this e-mail, so insert one", in a transaction.
bool sign_up(QSqlDatabase db, const QString &email) {
  db.transaction();
  QSqlQuery q(db);
  q.prepare("SELECT COUNT(*) FROM customers WHERE email = ?");
  q.addBindValue(email);
  q.exec(); // expect: dbrace-check-then-insert
  q.next();
  if (q.value(0).toInt() > 0) {
    db.rollback();
    return false;
  }
  QSqlQuery ins(db);
  ins.prepare("INSERT INTO customers (email) VALUES (?)");
  ins.addBindValue(email);
  ins.exec();
  return db.commit();
}

// case: safe
// The voucher's campaign (another table) decides whether the order is
// discounted.
void apply_campaign(QSqlDatabase db, int campaign_id, int order_id) {
  QSqlQuery q(db);
  q.prepare("SELECT active FROM campaigns WHERE id = ?");
  q.addBindValue(campaign_id);
  if (q.exec() && q.next() && q.value(0).toBool()) {
    QSqlQuery upd(db);
    upd.prepare("UPDATE orders SET discount_pct = 10 WHERE id = ?");
    upd.addBindValue(order_id);
    upd.exec();
  }
}

// case: safe
// The seats are read for the window title only; the view counter is bumped
// unconditionally.
QString show_title(QSqlDatabase db, int show_id) {
  QSqlQuery q(QStringLiteral("SELECT title, seats_left FROM shows WHERE id = ") + QString::number(show_id), db);
  QSqlQuery(QStringLiteral("UPDATE shows SET views = views + 1 WHERE id = ") + QString::number(show_id), db);
  if (!q.next())
    return QString();
  return q.value(0).toString() + QStringLiteral(" (") + q.value(1).toString() + QStringLiteral(" left)");
}

// case: unsafe
// The voucher is read before the transaction that marks it used.
bool redeem_voucher(QSqlDatabase db, const QString &code) {
  QSqlQuery q(db);
  q.prepare("SELECT used FROM vouchers WHERE code = ?");
  q.addBindValue(code);
  if (!q.exec() || !q.next() || q.value(0).toBool()) // expect: dbrace-read-outside-transaction
    return false;
  db.transaction();
  QSqlQuery upd(db);
  upd.prepare("UPDATE vouchers SET used = TRUE WHERE code = ?");
  upd.addBindValue(code);
  upd.exec();
  QSqlQuery log(db);
  log.prepare("INSERT INTO voucher_log (code) VALUES (?)");
  log.addBindValue(code);
  log.exec();
  return db.commit();
}

static void print_ticket(int show_id) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://printer.local/ticket");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// case: unsafe
// The show's row stays locked while the ticket printer is called.
bool sell_and_print(QSqlDatabase db, int show_id) {
  db.transaction();
  QSqlQuery q(db);
  q.prepare("SELECT seats_left FROM shows WHERE id = ? FOR UPDATE");
  q.addBindValue(show_id);
  if (!q.exec() || !q.next() || q.value(0).toInt() <= 0) {
    db.rollback();
    return false;
  }
  QSqlQuery upd(db);
  upd.prepare("UPDATE shows SET seats_left = seats_left - 1 WHERE id = ?");
  upd.addBindValue(show_id);
  upd.exec();
  print_ticket(show_id); // expect: dbrace-slow-call-in-transaction
  return db.commit();
}

// case: safe
// An unconditional audit row records the balance read.
void audit_wallet(QSqlDatabase db, int wallet_id) {
  QSqlQuery q(db);
  q.prepare("SELECT balance FROM wallets WHERE id = ?");
  q.addBindValue(wallet_id);
  q.exec();
  q.next();
  QSqlQuery ins(db);
  ins.prepare("INSERT INTO wallet_audit (wallet_id, balance) VALUES (?, ?)");
  ins.addBindValue(wallet_id);
  ins.addBindValue(q.value(0));
  ins.exec();
}

// case: safe
// A version column: the UPDATE compares the version read and its row count
// is checked.
bool rename_show(QSqlDatabase db, int show_id, const QString &title) {
  QSqlQuery q(db);
  q.prepare("SELECT version FROM shows WHERE id = ?");
  q.addBindValue(show_id);
  if (!q.exec() || !q.next())
    return false;
  const int version = q.value(0).toInt();
  QSqlQuery upd(db);
  upd.prepare("UPDATE shows SET title = ?, version = version + 1 WHERE id = ? AND version = ?");
  upd.addBindValue(title);
  upd.addBindValue(show_id);
  upd.addBindValue(version);
  return upd.exec() && upd.numRowsAffected() == 1;
}

// case: unsafe
// Loyalty points read in a loop over the customer's orders and written back
// per order, in a transaction without a lock.
void credit_points(QSqlDatabase db, int customer_id) {
  db.transaction();
  QSqlQuery q(db);
  q.prepare("SELECT id, points FROM orders WHERE customer_id = ? AND credited = FALSE");
  q.addBindValue(customer_id);
  q.exec(); // expect: dbrace-unlocked-read-update
  while (q.next()) {
    QSqlQuery upd(db);
    upd.prepare("UPDATE orders SET credited = TRUE, points = ? WHERE id = ?");
    upd.addBindValue(q.value(1).toInt() * 2);
    upd.addBindValue(q.value(0));
    upd.exec();
  }
  db.commit();
}

} // namespace boxoffice
