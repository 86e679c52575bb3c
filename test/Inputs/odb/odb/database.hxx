// Mock of ODB 2.4's odb/database.hxx: the object-relational operations, all
// member templates of odb::database (backends derive from it).
#ifndef MOCK_ODB_DATABASE_HXX
#define MOCK_ODB_DATABASE_HXX
#include "odb/forward.hxx"
#include "odb/query.hxx"
#include "odb/result.hxx"
#include "odb/traits.hxx"
#include <cstddef>
#include <string>
namespace odb {
class database {
public:
  virtual ~database() {}

  // Object persistence.
  template <typename T>
  typename object_traits<T>::id_type persist(T &object) { return 0; }
  template <typename T>
  typename object_traits<T>::id_type persist(const T &object) { return 0; }
  template <typename T>
  typename object_traits<T>::id_type persist(T *obj_ptr) { return 0; }

  // Object loading: load throws object_not_persistent, find returns null.
  template <typename T>
  typename object_traits<T>::pointer_type
  load(const typename object_traits<T>::id_type &id) { return nullptr; }
  template <typename T>
  void load(const typename object_traits<T>::id_type &id, T &object) {}
  template <typename T> void reload(T &object) {}
  template <typename T>
  typename object_traits<T>::pointer_type
  find(const typename object_traits<T>::id_type &id) { return nullptr; }
  template <typename T>
  bool find(const typename object_traits<T>::id_type &id, T &object) {
    return false;
  }

  // Object update and erase.
  template <typename T> void update(T &object) {}
  template <typename T> void update(const T &object) {}
  template <typename T> void update(T *obj_ptr) {}
  template <typename T>
  void erase(const typename object_traits<T>::id_type &id) {}
  template <typename T> void erase(T &object) {}
  template <typename T> unsigned long long erase_query() { return 0; }
  template <typename T>
  unsigned long long erase_query(const odb::query<T> &q) { return 0; }

  // Queries.
  template <typename T> result<T> query(bool cache = true) {
    return result<T>();
  }
  template <typename T>
  result<T> query(const odb::query<T> &q, bool cache = true) {
    return result<T>();
  }
  template <typename T>
  typename result<T>::pointer_type query_one(const odb::query<T> &q) {
    return nullptr;
  }
  template <typename T>
  bool query_one(const odb::query<T> &q, T &object) { return false; }
  template <typename T> T query_value(const odb::query<T> &q) { return T(); }

  // Native SQL: returns the affected rows.
  unsigned long long execute(const char *statement) { return 0; }
  unsigned long long execute(const std::string &statement) { return 0; }
  unsigned long long execute(const char *statement, std::size_t length) {
    return 0;
  }

  // Starts a transaction; hand the result to odb::transaction.
  virtual transaction_impl *begin() = 0;
};
} // namespace odb
#endif
