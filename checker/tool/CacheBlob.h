//===--- CacheBlob.h - Numbers and strings in a cache entry ---------------===//
//
// Cache entries are read back by the same build of dbrace only (the build
// id is in every key), so the format is the simplest that can be checked:
// 32-bit little-endian numbers and length-prefixed strings. The reader
// fails, rather than reading past the end, on any entry it cannot decode.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CACHEBLOB_H
#define DBRACE_TOOL_CACHEBLOB_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Endian.h"
#include <cstdint>
#include <string>
#include <vector>

namespace dbrace::tool {

class BlobWriter {
public:
  void number(uint32_t Value) {
    char Bytes[4];
    llvm::support::endian::write32le(Bytes, Value);
    Out.append(Bytes, 4);
  }
  void text(llvm::StringRef Value) {
    number(Value.size());
    Out.append(Value.data(), Value.size());
  }
  void flag(bool Value) { number(Value); }
  template <typename Enum> void enumeration(Enum Value) {
    number(static_cast<uint32_t>(Value));
  }
  /// A list: its count, then each item as \p Write writes it.
  template <typename T, typename Fn>
  void list(const std::vector<T> &Items, Fn Write) {
    number(Items.size());
    for (const T &Item : Items)
      Write(Item);
  }
  std::string take() { return std::move(Out); }

private:
  std::string Out;
};

class BlobReader {
public:
  explicit BlobReader(llvm::StringRef In) : In(In) {}

  bool number(uint32_t &Value) {
    if (In.size() < 4)
      return false;
    Value = llvm::support::endian::read32le(In.data());
    In = In.drop_front(4);
    return true;
  }
  bool number(int &Value) {
    uint32_t Bits = 0;
    if (!number(Bits))
      return false;
    Value = static_cast<int32_t>(Bits);
    return true;
  }
  bool flag(bool &Value) {
    uint32_t Bits = 0;
    if (!number(Bits) || Bits > 1)
      return false;
    Value = Bits;
    return true;
  }
  template <typename Enum> bool enumeration(Enum &Value) {
    uint32_t Bits = 0;
    if (!number(Bits))
      return false;
    Value = static_cast<Enum>(Bits);
    return true;
  }
  /// A list BlobWriter::list wrote, each item read by \p Read.
  template <typename T, typename Fn> bool list(std::vector<T> &Items, Fn Read) {
    uint32_t Count = 0;
    if (!count(Count))
      return false;
    Items.resize(Count);
    for (T &Item : Items)
      if (!Read(Item))
        return false;
    return true;
  }
  bool text(std::string &Value) {
    uint32_t Size = 0;
    if (!number(Size) || In.size() < Size)
      return false;
    Value = In.take_front(Size).str();
    In = In.drop_front(Size);
    return true;
  }
  /// A count of items that each take at least \p MinBytes: a damaged
  /// count cannot make the reader reserve gigabytes.
  bool count(uint32_t &Value, size_t MinBytes = 4) {
    return number(Value) && Value <= In.size() / MinBytes;
  }
  bool atEnd() const { return In.empty(); }

private:
  llvm::StringRef In;
};

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CACHEBLOB_H
