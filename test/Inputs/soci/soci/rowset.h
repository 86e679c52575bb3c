#ifndef SOCI_ROWSET_H_INCLUDED
#define SOCI_ROWSET_H_INCLUDED
#include "soci/statement.h"
#include "soci/row.h"
#include <cstddef>
#include <iterator>

namespace soci {

template <typename T> class rowset_iterator {
public:
  typedef std::input_iterator_tag iterator_category;
  typedef T value_type;
  typedef T *pointer;
  typedef T &reference;
  typedef std::ptrdiff_t difference_type;

  rowset_iterator() : st_(0), define_(0) {}
  rowset_iterator(statement &st, T &define) : st_(&st), define_(&define) {}
  reference operator*() const { return *define_; }
  pointer operator->() const { return &(operator*()); }
  rowset_iterator &operator++() {
    if (st_->fetch() == false) {
      st_ = 0;
      define_ = 0;
    }
    return *this;
  }
  bool operator==(rowset_iterator const &rhs) const {
    return st_ == rhs.st_ && define_ == rhs.define_;
  }
  bool operator!=(rowset_iterator const &rhs) const { return !(*this == rhs); }

private:
  statement *st_;
  T *define_;
};

namespace details {
template <typename T> class rowset_impl;
} // namespace details

// rowset is a thin wrapper on statement; the converting constructor runs it.
template <typename T = soci::row> class rowset {
public:
  typedef T value_type;
  typedef rowset_iterator<T> iterator;
  typedef rowset_iterator<T> const_iterator;

  rowset(details::prepare_temp_type const &prep);
  rowset(rowset const &other);
  ~rowset();
  rowset &operator=(rowset const &rhs);
  const_iterator begin() const;
  const_iterator end() const;

private:
  details::rowset_impl<T> *pimpl_;
};

} // namespace soci
#endif
