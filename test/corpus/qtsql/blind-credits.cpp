// FLAGS: -fPIC -isystem /usr/include/x86_64-linux-gnu/qt5 -isystem /usr/include/x86_64-linux-gnu/qt5/QtCore -isystem /usr/include/x86_64-linux-gnu/qt5/QtSql
// Blind cases, labelled by hand before dbrace was run on them: prepaid API
// credits per key hash, Qt 5 SQL on PostgreSQL (QPSQL), real Qt headers.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QThread>
#include <QVariant>

namespace apicredits {

class CreditStore {
public:
  explicit CreditStore(QSqlDatabase db) : m_db(db) {}

  // case: unsafe
  // Inside db.transaction(), but the SELECT takes no lock; credits come back
  // as text and are converted with QString::toInt, then written back.
  bool charge(const QString &keyHash, int cost) {
    m_db.transaction();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT credits::text FROM \"public\".\"api_keys\" WHERE key_hash = :h"));
    q.bindValue(QStringLiteral(":h"), keyHash);
    if (!q.exec() || !q.next()) { // expect: dbrace-unlocked-read-update
      m_db.rollback();
      return false;
    }
    const int credits = q.value(0).toString().toInt();
    if (credits < cost) {
      m_db.rollback();
      return false;
    }
    QSqlQuery upd(m_db);
    upd.prepare(QStringLiteral("UPDATE \"public\".\"api_keys\" SET credits = :c WHERE key_hash = :h"));
    upd.bindValue(QStringLiteral(":c"), credits - cost);
    upd.bindValue(QStringLiteral(":h"), keyHash);
    upd.exec();
    return m_db.commit();
  }

  // case: safe
  // The same read with FOR UPDATE inside the transaction that writes.
  bool chargeLocked(const QString &keyHash, int cost) {
    m_db.transaction();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT credits FROM \"public\".\"api_keys\" WHERE key_hash = :h FOR UPDATE"));
    q.bindValue(QStringLiteral(":h"), keyHash);
    if (!q.exec() || !q.next()) {
      m_db.rollback();
      return false;
    }
    const int credits = q.value(0).toInt();
    if (credits < cost) {
      m_db.rollback();
      return false;
    }
    QSqlQuery upd(m_db);
    upd.prepare(QStringLiteral("UPDATE \"public\".\"api_keys\" SET credits = :c WHERE key_hash = :h"));
    upd.bindValue(QStringLiteral(":c"), credits - cost);
    upd.bindValue(QStringLiteral(":h"), keyHash);
    upd.exec();
    return m_db.commit();
  }

  // case: unsafe
  // The atomic UPDATE is fine, but an abusive key is throttled with
  // QThread::msleep before the commit: the key's row stays locked by the
  // UPDATE during the sleep.
  bool chargeThrottled(const QString &keyHash, int cost) {
    m_db.transaction();
    QSqlQuery upd(m_db);
    upd.prepare(QStringLiteral("UPDATE api_keys SET credits = credits - :cost WHERE key_hash = :h AND credits >= :min"));
    upd.bindValue(QStringLiteral(":cost"), cost);
    upd.bindValue(QStringLiteral(":h"), keyHash);
    upd.bindValue(QStringLiteral(":min"), cost);
    upd.exec();
    if (upd.numRowsAffected() != 1) {
      m_db.rollback();
      return false;
    }
    if (cost > 1000)
      QThread::msleep(1500); // expect: dbrace-slow-call-in-transaction
    return m_db.commit();
  }

  // case: safe
  // No read: the UPDATE guards itself and numRowsAffected() decides.
  bool chargeAtomic(const QString &keyHash, int cost) {
    QSqlQuery upd(m_db);
    upd.prepare(QStringLiteral("UPDATE api_keys SET credits = credits - ? WHERE key_hash = ? AND credits >= ?"));
    upd.addBindValue(cost);
    upd.addBindValue(keyHash);
    upd.addBindValue(cost);
    return upd.exec() && upd.numRowsAffected() == 1;
  }

private:
  QSqlDatabase m_db;
};

// case: unsafe
// The QSqlQuery constructor runs the SELECT (string concatenation, no
// transaction at all), and the refund is computed from what it returned.
void refund_credits(QSqlDatabase db, const QString &keyHash, int amount, int cap) {
  QSqlQuery q(QStringLiteral("SELECT credits FROM api_keys WHERE key_hash = '") + keyHash + QStringLiteral("'"), db); // expect: dbrace-unlocked-read-update
  if (!q.next())
    return;
  const int now = q.value(0).toInt();
  const int next = qMin(now + amount, cap);
  db.exec(QStringLiteral("UPDATE api_keys SET credits = ") + QString::number(next) +
          QStringLiteral(" WHERE key_hash = '") + keyHash + QStringLiteral("'"));
}

// case: unsafe
// The balance is checked in autocommit; db.transaction() starts only for
// the writes, too late to protect the check.
bool transfer_credits(QSqlDatabase db, const QString &fromKey, const QString &toKey, int amount) {
  QSqlQuery q(db);
  q.prepare(QStringLiteral("SELECT credits FROM api_keys WHERE key_hash = :h"));
  q.bindValue(QStringLiteral(":h"), fromKey);
  q.exec(); // expect: dbrace-read-outside-transaction
  if (!q.next() || q.value(0).toInt() < amount)
    return false;
  db.transaction();
  QSqlQuery w(db);
  w.prepare(QStringLiteral("UPDATE api_keys SET credits = credits - :a WHERE key_hash = :h"));
  w.bindValue(QStringLiteral(":a"), amount);
  w.bindValue(QStringLiteral(":h"), fromKey);
  w.exec();
  w.prepare(QStringLiteral("UPDATE api_keys SET credits = credits + :a WHERE key_hash = :h"));
  w.bindValue(QStringLiteral(":a"), amount);
  w.bindValue(QStringLiteral(":h"), toKey);
  w.exec();
  return db.commit();
}

} // namespace apicredits
