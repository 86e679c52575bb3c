// Mock of ODB 2.4's odb/core.hxx: what persistent classes include.
#ifndef MOCK_ODB_CORE_HXX
#define MOCK_ODB_CORE_HXX
#include "odb/forward.hxx"
#include "odb/traits.hxx"
#endif
