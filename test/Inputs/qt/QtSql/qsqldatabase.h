// Mock of Qt 5's QSqlDatabase (QtSql), for dbrace's tests: the same
// signatures as Debian's qtbase5-dev, declarations only.
#ifndef QSQLDATABASE_H
#define QSQLDATABASE_H
#include <QtCore/qstring.h>

class QSqlError;
class QSqlQuery;
class QSqlDriver;
class QSqlDatabasePrivate;

class QSqlDatabase {
public:
  QSqlDatabase();
  QSqlDatabase(const QSqlDatabase &other);
  ~QSqlDatabase();
  QSqlDatabase &operator=(const QSqlDatabase &other);

  bool open();
  bool open(const QString &user, const QString &password);
  void close();
  bool isOpen() const;
  QSqlQuery exec(const QString &query = QString()) const;
  QSqlError lastError() const;
  bool isValid() const;

  bool transaction();
  bool commit();
  bool rollback();

  void setDatabaseName(const QString &name);
  void setUserName(const QString &name);
  void setPassword(const QString &password);
  void setHostName(const QString &host);
  void setPort(int p);
  QString driverName() const;
  QString connectionName() const;
  QSqlDriver *driver() const;

  static const char *defaultConnection;
  static QSqlDatabase addDatabase(const QString &type,
                                  const QString &connectionName = QLatin1String(defaultConnection));
  static QSqlDatabase database(const QString &connectionName = QLatin1String(defaultConnection),
                               bool open = true);
  static void removeDatabase(const QString &connectionName);

protected:
  explicit QSqlDatabase(const QString &type);
  explicit QSqlDatabase(QSqlDriver *driver);

private:
  QSqlDatabasePrivate *d;
};

#endif
