#ifndef QSQLERROR_H
#define QSQLERROR_H
#include <QtCore/qstring.h>

class QSqlError {
public:
  enum ErrorType { NoError, ConnectionError, StatementError, TransactionError, UnknownError };
  QSqlError(const QString &driverText = QString(), const QString &databaseText = QString(),
            ErrorType type = NoError, const QString &errorCode = QString());
  QSqlError(const QSqlError &other);
  ~QSqlError();
  QString text() const;
  ErrorType type() const;
  bool isValid() const;
};

#endif
