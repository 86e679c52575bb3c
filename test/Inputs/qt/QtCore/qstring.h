// Mock of Qt 5's QString, QLatin1String and QStringLiteral (QtCore), for
// dbrace's tests: the same names, signatures and implicit conversions as
// Debian's qtbase5-dev, declarations only.
#ifndef QSTRING_H
#define QSTRING_H

#include "qglobal.h"

#include <string>

class QByteArray;
class QChar;

class QLatin1String {
public:
  constexpr QLatin1String() noexcept : m_size(0), m_data(nullptr) {}
  constexpr explicit QLatin1String(const char *s) noexcept
      : m_size(s ? int(__builtin_strlen(s)) : 0), m_data(s) {}
  constexpr QLatin1String(const char *s, int sz) noexcept
      : m_size(sz), m_data(s) {}
  constexpr const char *latin1() const noexcept { return m_data; }
  constexpr int size() const noexcept { return m_size; }

private:
  int m_size;
  const char *m_data;
};

class QString {
public:
  inline QString() noexcept {}
  QString(const QChar *unicode, int size = -1);
  inline QString(QLatin1String latin1);
  inline QString(const QString &) noexcept;
  inline ~QString();
  QString &operator=(const QString &) noexcept;
  // Implicit from const char * unless QT_NO_CAST_FROM_ASCII.
  inline QString(const char *ch);

  int size() const;
  bool isEmpty() const;
  QString arg(int a, int fieldWidth = 0, int base = 10) const;
  QString arg(long long a, int fieldwidth = 0, int base = 10) const;
  QString arg(double a, int fieldWidth = 0, char fmt = 'g', int prec = -1) const;
  QString arg(const QString &a, int fieldWidth = 0) const;
  QString arg(const QString &a1, const QString &a2) const;
  int toInt(bool *ok = nullptr, int base = 10) const;
  QString &append(const QString &s);
  std::string toStdString() const;
  QString &operator+=(const QString &s);

  static inline QString fromLatin1(const char *str, int size = -1);
  static inline QString fromUtf8(const char *str, int size = -1);
  static QString fromUtf16(const char16_t *, int size = -1);
  static QString number(int, int base = 10);

private:
  void *d = nullptr;
};

inline QString::QString(QLatin1String) {}
inline QString::QString(const QString &) noexcept {}
inline QString::~QString() {}
inline QString::QString(const char *) {}
inline QString QString::fromLatin1(const char *, int) { return QString(); }
inline QString QString::fromUtf8(const char *, int) { return QString(); }

QString operator+(const QString &s1, const QString &s2);
QString operator+(const QString &s1, const char *s2);
QString operator+(const char *s1, const QString &s2);
bool operator==(const QString &s1, const QString &s2) noexcept;
inline bool operator!=(const QString &s1, const QString &s2) noexcept {
  return !(s1 == s2);
}

// Qt 5 wraps the literal in a lambda returning a QString built from static
// UTF-16 data; the shape, not the storage, is what matters here.
#define QStringLiteral(str)                                                    \
  ([]() noexcept -> QString { return QString::fromUtf16(u"" str); }())

#endif
