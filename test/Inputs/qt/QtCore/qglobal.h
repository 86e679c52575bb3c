// Mock of Qt 5's qglobal.h (QtCore), which every Qt header includes: the
// helpers of it that the tests use.
#ifndef QGLOBAL_H
#define QGLOBAL_H

template <typename T> constexpr inline const T &qMin(const T &a, const T &b) {
  return (a < b) ? a : b;
}
template <typename T> constexpr inline const T &qMax(const T &a, const T &b) {
  return (a < b) ? b : a;
}

#endif
