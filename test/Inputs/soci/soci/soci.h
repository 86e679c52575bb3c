// Mock of SOCI 4.0 (Debian libsoci-dev 4.0.3), for dbrace's tests: the same
// header names, namespaces (soci, soci::details), classes and signatures as
// the real library for the parts the tests use; declarations and minimal
// inline bodies only (the tests are compiled, never linked).
#ifndef SOCI_H_INCLUDED
#define SOCI_H_INCLUDED
#include "soci/soci-backend.h"
#include "soci/into.h"
#include "soci/use.h"
#include "soci/once-temp-type.h"
#include "soci/prepare-temp-type.h"
#include "soci/row.h"
#include "soci/rowset.h"
#include "soci/session.h"
#include "soci/statement.h"
#include "soci/transaction.h"
#endif
