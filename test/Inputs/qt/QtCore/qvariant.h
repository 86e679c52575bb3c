// Mock of Qt 5's QVariant (QtCore), for dbrace's tests.
#ifndef QVARIANT_H
#define QVARIANT_H
#include "qstring.h"

class QVariant {
public:
  QVariant() noexcept {}
  ~QVariant();
  QVariant(const QVariant &other);
  QVariant &operator=(const QVariant &other);
  QVariant(int i);
  QVariant(unsigned int ui);
  QVariant(long long ll);
  QVariant(bool b);
  QVariant(double d);
  QVariant(const char *str);
  QVariant(const QString &string);
  QVariant(QLatin1String string);

  bool isNull() const;
  bool isValid() const;
  int toInt(bool *ok = nullptr) const;
  long long toLongLong(bool *ok = nullptr) const;
  bool toBool() const;
  double toDouble(bool *ok = nullptr) const;
  QString toString() const;

private:
  void *d = nullptr;
};

#endif
