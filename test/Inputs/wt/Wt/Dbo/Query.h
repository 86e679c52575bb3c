// Mock of Wt 4's Wt/Dbo/Query.h: a query runs when its result is asked for
// (resultValue(), resultList() or the conversion operators).
#ifndef MOCK_WT_DBO_QUERY_H
#define MOCK_WT_DBO_QUERY_H
#include "Wt/Dbo/collection.h"
#include <string>
namespace Wt {
namespace Dbo {
struct DynamicBinding {};
struct DirectBinding {};

template <class Result, typename BindStrategy = DynamicBinding> class Query {
public:
  Query() {}
  template <typename T> Query<Result, BindStrategy> &bind(const T &value) {
    return *this;
  }
  Query<Result, BindStrategy> &where(const std::string &condition) {
    return *this;
  }
  Query<Result, BindStrategy> &orderBy(const std::string &fields) {
    return *this;
  }
  Query<Result, BindStrategy> &limit(int count) { return *this; }
  Query<Result, BindStrategy> &offset(int count) { return *this; }
  Result resultValue() const { return Result(); }
  collection<Result> resultList() const { return collection<Result>(); }
  operator Result() const { return resultValue(); }
  operator collection<Result>() const { return resultList(); }
};
} // namespace Dbo
} // namespace Wt
#endif
