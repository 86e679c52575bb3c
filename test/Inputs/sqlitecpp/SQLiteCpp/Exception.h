#pragma once
#include <stdexcept>
#include <string>

struct sqlite3;

namespace SQLite {

class Exception : public std::runtime_error {
public:
  Exception(const char *aErrorMessage, int ret);
  Exception(const std::string &aErrorMessage, int ret)
      : Exception(aErrorMessage.c_str(), ret) {}
  explicit Exception(const char *aErrorMessage) : Exception(aErrorMessage, -1) {}
  explicit Exception(const std::string &aErrorMessage)
      : Exception(aErrorMessage.c_str(), -1) {}
  Exception(sqlite3 *apSQLite);
  Exception(sqlite3 *apSQLite, int ret);
  int getErrorCode() const noexcept { return mErrcode; }
  int getExtendedErrorCode() const noexcept { return mExtendedErrcode; }
  const char *getErrorStr() const noexcept;

private:
  int mErrcode;
  int mExtendedErrcode;
};

} // namespace SQLite
