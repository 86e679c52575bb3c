// Mock of SQLiteC++ 3.2 (Debian libsqlitecpp-dev), for dbrace's tests: the
// same headers, namespace, classes and signatures as the real library,
// declarations only (the tests are compiled, never linked).
#pragma once
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Transaction.h>
