// Mock of Wt 4's Wt/Dbo/collection.h.
#ifndef MOCK_WT_DBO_COLLECTION_H
#define MOCK_WT_DBO_COLLECTION_H
#include <cstddef>
namespace Wt {
namespace Dbo {
template <class C> class collection {
public:
  class const_iterator {
  public:
    const C &operator*() const { return *value_; }
    const C *operator->() const { return value_; }
    const_iterator &operator++() { return *this; }
    bool operator!=(const const_iterator &) const { return false; }
    bool operator==(const const_iterator &) const { return true; }

  private:
    const C *value_ = nullptr;
  };
  typedef const_iterator iterator;
  const_iterator begin() const { return const_iterator(); }
  const_iterator end() const { return const_iterator(); }
  std::size_t size() const { return 0; }
  bool empty() const { return true; }
};
} // namespace Dbo
} // namespace Wt
#endif
