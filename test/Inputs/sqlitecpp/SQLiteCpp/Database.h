#pragma once
#include <SQLiteCpp/Column.h>
#include <memory>
#include <string>

struct sqlite3;

namespace SQLite {

extern const int OPEN_READONLY;
extern const int OPEN_READWRITE;
extern const int OPEN_CREATE;
extern const int OK;

class Database {
  friend class Statement;

public:
  Database(const char *apFilename, const int aFlags = SQLite::OPEN_READONLY,
           const int aBusyTimeoutMs = 0, const char *apVfs = nullptr);
  Database(const std::string &aFilename,
           const int aFlags = SQLite::OPEN_READONLY,
           const int aBusyTimeoutMs = 0, const std::string &aVfs = "")
      : Database(aFilename.c_str(), aFlags, aBusyTimeoutMs,
                 aVfs.empty() ? nullptr : aVfs.c_str()) {}
  Database(const Database &) = delete;
  Database &operator=(const Database &) = delete;
  Database(Database &&aDatabase) = default;
  Database &operator=(Database &&aDatabase) = default;
  ~Database() = default;

  struct Deleter {
    void operator()(sqlite3 *apSQLite);
  };

  void setBusyTimeout(const int aBusyTimeoutMs);

  int exec(const char *apQueries);
  int exec(const std::string &aQueries) { return exec(aQueries.c_str()); }
  int tryExec(const char *apQueries) noexcept;
  int tryExec(const std::string &aQueries) noexcept {
    return tryExec(aQueries.c_str());
  }
  Column execAndGet(const char *apQuery);
  Column execAndGet(const std::string &aQuery) {
    return execAndGet(aQuery.c_str());
  }

  bool tableExists(const char *apTableName) const;
  long long getLastInsertRowid() const noexcept;
  int getChanges() const noexcept;
  int getTotalChanges() const noexcept;
  int getErrorCode() const noexcept;
  const char *getErrorMsg() const noexcept;
  const std::string &getFilename() const { return mFilename; }
  sqlite3 *getHandle() const noexcept { return mSQLitePtr.get(); }

private:
  std::unique_ptr<sqlite3, Deleter> mSQLitePtr;
  std::string mFilename;
};

} // namespace SQLite
