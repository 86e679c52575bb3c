// Mock of ODB 2.4's odb/exceptions.hxx.
#ifndef MOCK_ODB_EXCEPTIONS_HXX
#define MOCK_ODB_EXCEPTIONS_HXX
#include <exception>
namespace odb {
struct exception : std::exception {};
struct object_not_persistent : exception {};
struct object_changed : exception {};
} // namespace odb
#endif
