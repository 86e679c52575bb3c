// Mock of nanodbc 2.x's nanodbc/nanodbc.h: a thin C++ layer over ODBC.
#ifndef MOCK_NANODBC_H
#define MOCK_NANODBC_H
#include <cstddef>
#include <string>
namespace nanodbc {
typedef std::string string;
class connection;
class statement;
class result;

class connection {
public:
  connection() {}
  explicit connection(const string &connection_string, long timeout = 0) {}
  connection(const string &dsn, const string &user, const string &pass,
             long timeout = 0) {}
  ~connection() noexcept {}
  bool connected() const { return true; }
  void disconnect() {}
  std::size_t transactions() const { return 0; }
};

/// Begins on construction (turns autocommit off); the destructor rolls back
/// unless commit() was called.
class transaction {
public:
  explicit transaction(const class connection &conn) {}
  ~transaction() noexcept {}
  void commit() {}
  void rollback() noexcept {}
  class connection &connection();
};

class result {
public:
  result() {}
  ~result() noexcept {}
  long rows() const noexcept { return 0; }
  long affected_rows() const { return 0; }
  short columns() const { return 0; }
  bool next() { return false; }
  bool is_null(short column) const { return false; }
  template <class T> T get(short column) const { return T(); }
  template <class T> T get(short column, const T &fallback) const {
    return fallback;
  }
  template <class T> T get(const string &column_name) const { return T(); }
  template <class T> void get_ref(short column, T &result) const {}
  explicit operator bool() const { return true; }
};

enum param_direction { PARAM_IN, PARAM_OUT, PARAM_INOUT, PARAM_RETURN };

class statement {
public:
  statement() {}
  explicit statement(class connection &conn) {}
  /// Prepares \p query on \p conn.
  statement(class connection &conn, const string &query, long timeout = 0) {}
  ~statement() noexcept {}
  void open(class connection &conn) {}
  void prepare(const string &query, long timeout = 0) {}
  void prepare(class connection &conn, const string &query, long timeout = 0) {}
  result execute_direct(class connection &conn, const string &query,
                        long batch_operations = 1, long timeout = 0) {
    return result();
  }
  void just_execute_direct(class connection &conn, const string &query,
                           long batch_operations = 1, long timeout = 0) {}
  result execute(long batch_operations = 1, long timeout = 0) {
    return result();
  }
  void just_execute(long batch_operations = 1, long timeout = 0) {}
  long affected_rows() const { return 0; }
  template <class T>
  void bind(short param_index, const T *value,
            param_direction direction = PARAM_IN) {}
  void bind(short param_index, const char *value,
            param_direction direction = PARAM_IN) {}
  void reset_parameters() noexcept {}
};

// Free functions, the usual way in.
inline result execute(connection &conn, const string &query,
                      long batch_operations = 1, long timeout = 0) {
  return result();
}
inline void just_execute(connection &conn, const string &query,
                         long batch_operations = 1, long timeout = 0) {}
inline result execute(statement &stmt, long batch_operations = 1) {
  return stmt.execute(batch_operations);
}
inline void just_execute(statement &stmt, long batch_operations = 1) {}
/// Runs a prepared statement in a transaction of its own.
inline result transact(statement &stmt, long batch_operations) {
  return result();
}
inline void just_transact(statement &stmt, long batch_operations) {}
inline void prepare(statement &stmt, const string &query, long timeout = 0) {
  stmt.prepare(query, timeout);
}
} // namespace nanodbc
#endif
