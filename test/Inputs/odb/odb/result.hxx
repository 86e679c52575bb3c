// Mock of ODB 2.4's odb/result.hxx: an input range of objects.
#ifndef MOCK_ODB_RESULT_HXX
#define MOCK_ODB_RESULT_HXX
#include "odb/forward.hxx"
#include "odb/traits.hxx"
#include <cstddef>
namespace odb {
template <typename T> class result_iterator {
public:
  typedef typename object_traits<T>::pointer_type pointer_type;
  T &operator*() const { return *obj_; }
  T *operator->() const { return obj_; }
  result_iterator &operator++() { return *this; }
  bool operator!=(const result_iterator &) const { return false; }
  bool operator==(const result_iterator &) const { return true; }
  pointer_type load() { return obj_; }

private:
  T *obj_ = nullptr;
};

template <typename T> class result {
public:
  typedef typename object_traits<T>::pointer_type pointer_type;
  typedef result_iterator<T> iterator;
  iterator begin() { return iterator(); }
  iterator end() { return iterator(); }
  bool empty() const { return true; }
  std::size_t size() const { return 0; }
};
} // namespace odb
#endif
