// Mock of ODB 2.4's odb/traits.hxx. The real object_traits<T> comes from the
// code the ODB compiler generates for each persistent class (`*-odb.hxx`);
// here every class gets raw pointers and an integer id.
#ifndef MOCK_ODB_TRAITS_HXX
#define MOCK_ODB_TRAITS_HXX
#include "odb/forward.hxx"
namespace odb {
/// Persistent classes befriend odb::access.
class access {
public:
  template <typename T> class object_traits {
  public:
    typedef T object_type;
    typedef T *pointer_type;
    typedef unsigned long long id_type;
  };
};
template <typename T> class object_traits : public access::object_traits<T> {};
} // namespace odb
#endif
