// Mock of cppdb 0.3's cppdb/frontend.h: a session builds statements with <<,
// binds values with <<, and runs them with the cppdb::exec or cppdb::row
// manipulators (or statement::exec/query/row).
#ifndef MOCK_CPPDB_FRONTEND_H
#define MOCK_CPPDB_FRONTEND_H
#include <ctime>
#include <istream>
#include <string>
namespace cppdb {
class result;
class statement;
class session;

class result {
public:
  result() {}
  ~result() {}
  result(result const &) {}
  result const &operator=(result const &) { return *this; }
  int cols() { return 0; }
  bool next() { return false; }
  bool is_null(int col) { return false; }
  bool empty() { return true; }
  void clear() {}
  bool fetch(int col, int &v) { return false; }
  bool fetch(int col, long long &v) { return false; }
  bool fetch(int col, double &v) { return false; }
  bool fetch(int col, std::string &v) { return false; }
  bool fetch(std::string const &n, int &v) { return false; }
  bool fetch(std::string const &n, long long &v) { return false; }
  bool fetch(int &v) { return false; }
  bool fetch(long long &v) { return false; }
  bool fetch(std::string &v) { return false; }
  template <typename T> T get(std::string const &name) { return T(); }
  template <typename T> T get(int col) { return T(); }
  template <typename T> result &operator>>(T &value) {
    fetch(value);
    return *this;
  }
};

class statement {
public:
  statement() {}
  ~statement() {}
  statement(statement const &) {}
  statement const &operator=(statement const &) { return *this; }
  void reset() {}
  /// Binds the next placeholder in order (as `<<` does) and returns the
  /// statement; the overloads with a column index bind that placeholder.
  statement &bind(int v) { return *this; }
  statement &bind(long v) { return *this; }
  statement &bind(long long v) { return *this; }
  statement &bind(double v) { return *this; }
  statement &bind(std::string const &v) { return *this; }
  statement &bind(char const *s) { return *this; }
  statement &bind(std::tm const &v) { return *this; }
  statement &bind_null() { return *this; }
  void bind(int col, int v) {}
  void bind(int col, long long v) {}
  void bind(int col, std::string const &v) {}
  void bind_null(int col) {}
  long long last_insert_id() { return 0; }
  /// Rows affected by the last exec().
  unsigned long long affected() { return 0; }
  /// Runs a query expected to return one row (or none).
  result row() { return result(); }
  result query() { return result(); }
  void exec() {}
  statement &operator<<(std::string const &v) { return *this; }
  statement &operator<<(char const *s) { return *this; }
  statement &operator<<(std::tm const &v) { return *this; }
  statement &operator<<(void (*manipulator)(statement &st)) {
    manipulator(*this);
    return *this;
  }
  result operator<<(result (*manipulator)(statement &st)) {
    return manipulator(*this);
  }
  template <typename T> statement &operator<<(T v) { return *this; }
};

/// Manipulators: `<< cppdb::exec`, `<< cppdb::row`.
inline void exec(statement &st) { st.exec(); }
inline void null(statement &st) {}
inline result row(statement &st) { return st.row(); }

class session {
public:
  session() {}
  explicit session(std::string const &connection_string) {}
  ~session() {}
  void open(std::string const &cs) {}
  void close() {}
  bool is_open() { return true; }
  statement prepare(std::string const &query) { return statement(); }
  statement operator<<(std::string const &q) { return statement(); }
  statement operator<<(char const *s) { return statement(); }
  statement create_statement(std::string const &q) { return statement(); }
  statement create_prepared_statement(std::string const &q) {
    return statement();
  }
  void begin() {}
  void commit() {}
  void rollback() {}
  std::string escape(std::string const &s) { return s; }
};

/// Begins in the constructor; the destructor rolls back unless committed.
class transaction {
  transaction(transaction const &);
  void operator=(transaction const &);

public:
  transaction(session &s) : s_(&s) {}
  ~transaction() {}
  void commit() {}
  void rollback() {}

private:
  session *s_;
};
} // namespace cppdb
#endif
