// Mock of Wt 4's Wt/Dbo/ptr.h: a shared handle to a database object.
// Reading goes through operator->; writing through modify(), which marks
// the object dirty so the session flushes it (checking its version).
#ifndef MOCK_WT_DBO_PTR_H
#define MOCK_WT_DBO_PTR_H
#include <cstddef>
namespace Wt {
namespace Dbo {
class Session;

template <class C> class ptr {
public:
  ptr(std::nullptr_t = nullptr) {}
  ptr(const ptr<C> &other) : obj_(other.obj_) {}
  ~ptr() {}
  ptr<C> &operator=(const ptr<C> &other) {
    obj_ = other.obj_;
    return *this;
  }
  const C *operator->() const { return obj_; }
  const C &operator*() const { return *obj_; }
  explicit operator bool() const { return obj_ != nullptr; }
  /// Returns the object for modification; the change is saved (and its
  /// version checked) when the session flushes.
  C *modify() const { return obj_; }
  /// Deletes the object from the database when the session flushes.
  void remove() {}
  void reread() {}
  void purge() {}
  long long id() const { return 0; }
  int version() const { return 0; }

private:
  C *obj_ = nullptr;
};
} // namespace Dbo
} // namespace Wt
#endif
