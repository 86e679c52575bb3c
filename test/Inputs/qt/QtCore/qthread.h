// Mock of Qt 5's QThread (QtCore): only the static sleeps, which block the
// calling thread (rules/slow-calls.yaml lists them). The real class derives
// from QObject; nothing here needs that.
#ifndef QTHREAD_H
#define QTHREAD_H

#include "qglobal.h"

class QThread {
public:
  static void sleep(unsigned long);
  static void msleep(unsigned long);
  static void usleep(unsigned long);
};

#endif
