#pragma once
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Exception.h>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace SQLite {

extern const int INTEGER;
extern const int FLOAT;
extern const int TEXT;
extern const int BLOB;
extern const int Null;

class Column {
public:
  explicit Column(const Statement::TStatementPtr &aStmtPtr, int aIndex);

  const char *getName() const noexcept;
  int32_t getInt() const noexcept;
  uint32_t getUInt() const noexcept;
  int64_t getInt64() const noexcept;
  double getDouble() const noexcept;
  const char *getText(const char *apDefaultValue = "") const noexcept;
  std::string getString() const;
  int getType() const noexcept;
  bool isInteger() const noexcept { return SQLite::INTEGER == getType(); }
  bool isNull() const noexcept { return SQLite::Null == getType(); }
  int getBytes() const noexcept;

  operator char() const { return static_cast<char>(getInt()); }
  operator int8_t() const { return static_cast<int8_t>(getInt()); }
  operator uint8_t() const { return static_cast<uint8_t>(getInt()); }
  operator int16_t() const { return static_cast<int16_t>(getInt()); }
  operator uint16_t() const { return static_cast<uint16_t>(getInt()); }
  operator int32_t() const { return getInt(); }
  operator uint32_t() const { return getUInt(); }
  operator int64_t() const { return getInt64(); }
  operator double() const { return getDouble(); }
  operator const char *() const { return getText(); }
  operator std::string() const { return getString(); }

private:
  Statement::TStatementPtr mStmtPtr;
  int mIndex;
};

std::ostream &operator<<(std::ostream &aStream, const Column &aColumn);

} // namespace SQLite
