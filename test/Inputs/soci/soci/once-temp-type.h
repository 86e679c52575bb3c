#ifndef SOCI_ONCE_TEMP_TYPE_H_INCLUDED
#define SOCI_ONCE_TEMP_TYPE_H_INCLUDED
#include "soci/prepare-temp-type.h"

namespace soci {
class session;
namespace details {

class ref_counted_statement;

// What `sql << "..."` returns: it collects into/use elements with its comma
// operators and runs the statement in its destructor.
class once_temp_type {
public:
  once_temp_type(session &s);
  once_temp_type(once_temp_type const &o);
  once_temp_type &operator=(once_temp_type const &o);
  ~once_temp_type() noexcept(false);

  template <typename T> once_temp_type &operator<<(T const &t) {
    return *this;
  }
  once_temp_type &operator,(into_type_ptr const &);
  once_temp_type &operator,(use_type_ptr const &);
  template <typename T, typename Indicator>
  once_temp_type &operator,(into_container<T, Indicator> const &ic) {
    return *this;
  }
  template <typename T, typename Indicator>
  once_temp_type &operator,(use_container<T, Indicator> const &uc) {
    return *this;
  }

private:
  ref_counted_statement *rcst_;
};

// The types of session's public `once` and `prepare` members.
class once_type {
public:
  once_type() : session_(nullptr) {}
  once_type(session *s) : session_(s) {}
  void set_session(session *s) { session_ = s; }
  template <typename T> once_temp_type operator<<(T const &t) {
    once_temp_type o(*session_);
    o << t;
    return o;
  }

private:
  session *session_;
};

class prepare_type {
public:
  prepare_type() : session_(nullptr) {}
  prepare_type(session *s) : session_(s) {}
  void set_session(session *s) { session_ = s; }
  template <typename T> prepare_temp_type operator<<(T const &t) {
    prepare_temp_type p(*session_);
    p << t;
    return p;
  }

private:
  session *session_;
};

} // namespace details
} // namespace soci
#endif
