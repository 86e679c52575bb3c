// Mock of POCO Data's Poco/Data/Binding.h: use() and bind() hand input values
// to a statement.
#ifndef MOCK_POCO_DATA_BINDING_H
#define MOCK_POCO_DATA_BINDING_H
#include <memory>
#include <string>
#include <type_traits>
namespace Poco {
namespace Data {

class AbstractBinding {
public:
  typedef std::shared_ptr<AbstractBinding> Ptr;
  virtual ~AbstractBinding() {}
};

template <class T> class Binding : public AbstractBinding {
public:
  explicit Binding(T &val, const std::string &name = "") : _val(val) {}
private:
  T &_val;
};

template <class T> class CopyBinding : public AbstractBinding {
public:
  explicit CopyBinding(T &val, const std::string &name = "") : _val(val) {}
private:
  T _val;
};

namespace Keywords {
/// Binds a variable by reference: it must outlive the execution. As in the
/// real header, a const reference does not compile: bind() copies it, and
/// useRef() takes it by const reference.
template <typename T>
inline AbstractBinding::Ptr use(T &t, const std::string &name = "") {
  static_assert(!std::is_const<T>::value,
                "a const ref was passed to use(): use bind() or useRef()");
  return AbstractBinding::Ptr(new Binding<T>(t, name));
}
template <typename T>
inline AbstractBinding::Ptr useRef(T &t, const std::string &name = "") {
  return AbstractBinding::Ptr(new Binding<T>(t, name));
}
/// Binds a copy of a value.
template <typename T>
inline AbstractBinding::Ptr bind(T t, const std::string &name) {
  return AbstractBinding::Ptr(new CopyBinding<T>(t, name));
}
template <typename T> inline AbstractBinding::Ptr bind(T t) {
  return bind(t, "");
}
} // namespace Keywords

} // namespace Data
} // namespace Poco
#endif
