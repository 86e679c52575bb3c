#pragma once
#include <SQLiteCpp/Exception.h>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace SQLite {

class Database;
class Column;

extern const int OK;

class Statement {
public:
  Statement(const Database &aDatabase, const char *apQuery);
  Statement(const Database &aDatabase, const std::string &aQuery)
      : Statement(aDatabase, aQuery.c_str()) {}
  Statement(const Statement &) = delete;
  Statement &operator=(const Statement &) = delete;
  Statement(Statement &&aStatement) noexcept;
  Statement &operator=(Statement &&aStatement) noexcept = default;
  ~Statement() = default;

  void reset();
  int tryReset() noexcept;
  void clearBindings();
  int getIndex(const char *const apName) const;

  void bind(const int aIndex, const int32_t aValue);
  void bind(const int aIndex, const uint32_t aValue);
  void bind(const int aIndex, const int64_t aValue);
  void bind(const int aIndex, const double aValue);
  void bind(const int aIndex, const std::string &aValue);
  void bind(const int aIndex, const char *apValue);
  void bind(const int aIndex);
  void bind(const char *apName, const int32_t aValue) {
    bind(getIndex(apName), aValue);
  }
  void bind(const char *apName, const int64_t aValue) {
    bind(getIndex(apName), aValue);
  }
  void bind(const char *apName, const std::string &aValue) {
    bind(getIndex(apName), aValue);
  }
  void bind(const std::string &aName, const int32_t aValue) {
    bind(aName.c_str(), aValue);
  }
  void bind(const std::string &aName, const std::string &aValue) {
    bind(aName.c_str(), aValue);
  }

  bool executeStep();
  int tryExecuteStep() noexcept;
  int exec();

  Column getColumn(const int aIndex) const;
  Column getColumn(const char *apName) const;
  bool isColumnNull(const int aIndex) const;
  const char *getColumnName(const int aIndex) const;
  int getColumnIndex(const char *apName) const;
  int getChanges() const noexcept;

  const std::string &getQuery() const { return mQuery; }
  std::string getExpandedSQL() const;
  int getColumnCount() const { return mColumnCount; }
  bool hasRow() const { return mbHasRow; }
  bool isDone() const { return mbDone; }
  int getErrorCode() const noexcept;
  const char *getErrorMsg() const noexcept;

  using TStatementPtr = std::shared_ptr<sqlite3_stmt>;

private:
  std::string mQuery;
  sqlite3 *mpSQLite;
  TStatementPtr mpPreparedStatement;
  int mColumnCount = 0;
  bool mbHasRow = false;
  bool mbDone = false;
  mutable std::map<std::string, int> mColumnNames;
};

} // namespace SQLite
