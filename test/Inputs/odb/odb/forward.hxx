// Mock of ODB 2.4's odb/forward.hxx.
#ifndef MOCK_ODB_FORWARD_HXX
#define MOCK_ODB_FORWARD_HXX
#include <cstddef>
namespace odb {
class database;
class connection;
class transaction;
class transaction_impl;
class session;
template <typename T> class result;
template <typename T> class query;
class access;
} // namespace odb
#endif
