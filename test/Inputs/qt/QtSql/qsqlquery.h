// Mock of Qt 5's QSqlQuery (QtSql), for dbrace's tests: the same
// constructors and methods as Debian's qtbase5-dev, declarations only.
#ifndef QSQLQUERY_H
#define QSQLQUERY_H
#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>
#include <QtSql/qsqldatabase.h>

class QSqlResult;
class QSqlError;
class QSqlRecord;
class QSqlDriver;
class QSqlQueryPrivate;

namespace QSql {
enum ParamTypeFlag { In = 0x00000001, Out = 0x00000002, InOut = In | Out, Binary = 0x00000004 };
typedef ParamTypeFlag ParamType;
} // namespace QSql

class QSqlQuery {
public:
  explicit QSqlQuery(QSqlResult *r);
  // Executes `query` at once when it is not empty.
  explicit QSqlQuery(const QString &query = QString(), QSqlDatabase db = QSqlDatabase());
  explicit QSqlQuery(QSqlDatabase db);
  QSqlQuery(const QSqlQuery &other);
  QSqlQuery &operator=(const QSqlQuery &other);
  ~QSqlQuery();

  bool isValid() const;
  bool isActive() const;
  bool isNull(int field) const;
  bool isNull(const QString &name) const;
  int at() const;
  QString lastQuery() const;
  int numRowsAffected() const;
  QSqlError lastError() const;
  bool isSelect() const;
  int size() const;
  QSqlRecord record() const;

  void setForwardOnly(bool forward);
  bool exec(const QString &query);
  QVariant value(int i) const;
  QVariant value(const QString &name) const;

  bool seek(int i, bool relative = false);
  bool next();
  bool previous();
  bool first();
  bool last();
  void clear();

  // prepared query support
  bool exec();
  enum BatchExecutionMode { ValuesAsRows, ValuesAsColumns };
  bool execBatch(BatchExecutionMode mode = ValuesAsRows);
  bool prepare(const QString &query);
  void bindValue(const QString &placeholder, const QVariant &val,
                 QSql::ParamType type = QSql::In);
  void bindValue(int pos, const QVariant &val, QSql::ParamType type = QSql::In);
  void addBindValue(const QVariant &val, QSql::ParamType type = QSql::In);
  QVariant boundValue(const QString &placeholder) const;
  QVariant boundValue(int pos) const;
  QString executedQuery() const;
  QVariant lastInsertId() const;
  void finish();
  bool nextResult();

private:
  QSqlQueryPrivate *d;
};

#endif
