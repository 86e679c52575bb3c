// Mock of Wt 4's Wt/Dbo/Session.h.
#ifndef MOCK_WT_DBO_SESSION_H
#define MOCK_WT_DBO_SESSION_H
#include "Wt/Dbo/Call.h"
#include "Wt/Dbo/Query.h"
#include "Wt/Dbo/ptr.h"
#include <memory>
#include <string>
#include <utility>
namespace Wt {
namespace Dbo {
class Session {
public:
  Session() {}
  ~Session() {}
  Session(const Session &) = delete;

  template <class C> void mapClass(const char *tableName) {}

  /// Adds a new object; it is inserted when the session flushes.
  template <class C> ptr<C> add(ptr<C> &obj) { return obj; }
  template <class C> ptr<C> add(std::unique_ptr<C> obj) { return ptr<C>(); }
  template <class C, typename... Args> ptr<C> addNew(Args &&...args) {
    return ptr<C>();
  }
  /// Loads by id; throws ObjectNotFoundException when there is none.
  template <class C>
  ptr<C> load(const long long &id, bool forceReread = false) {
    return ptr<C>();
  }
  template <class C, typename BindStrategy = DynamicBinding>
  Query<ptr<C>, BindStrategy> find(const std::string &condition = "") {
    return Query<ptr<C>, BindStrategy>();
  }
  template <class Result, typename BindStrategy = DynamicBinding>
  Query<Result, BindStrategy> query(const std::string &sql) {
    return Query<Result, BindStrategy>();
  }
  Call execute(const std::string &sql) { return Call(); }
  void flush() {}
  void rereadAll(const char *tableName = nullptr) {}
};
} // namespace Dbo
} // namespace Wt
#endif
