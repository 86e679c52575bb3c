//===--- CacheStore.h - Blobs on disk under content keys ------------------===//
//
// The generic part of dbrace's cache, shared by every kind of entry (a
// translation unit's results, the sources its preprocessing read, pass-1
// summaries): a key is a hash of labelled parts; an entry is a blob under
// `<dir>/<kind>/<2 hex>/<key>`. An entry is written to a temporary file and
// renamed into place, so readers in other threads or processes see all of
// it or nothing; it carries its length and a hash of its bytes, so a
// truncated or damaged entry reads as absent, never as a wrong result.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CACHESTORE_H
#define DBRACE_TOOL_CACHESTORE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>

namespace dbrace::tool {

/// A BLAKE3 hash of labelled parts. Each part is framed by its label and
/// length, so no two different sequences of parts hash the same bytes.
class CacheKey {
public:
  /// \p Purpose names what the key is for and the version of its layout.
  explicit CacheKey(llvm::StringRef Purpose);

  CacheKey &add(llvm::StringRef Label, llvm::StringRef Value);
  /// The content of \p Path, or of every file below it when it is a
  /// folder (by sorted path); a missing file is a part too.
  CacheKey &addFileContent(llvm::StringRef Label, llvm::StringRef Path);

  /// 64 hex digits.
  std::string hex();

private:
  llvm::BLAKE3 Hasher;
};

/// 32 hex digits of BLAKE3 of \p Data: a content checksum, not a key.
std::string contentHash(llvm::StringRef Data);

class CacheStore {
public:
  /// The store in \p Dir, which is created when missing.
  static llvm::Expected<CacheStore> open(llvm::StringRef Dir);

  /// The blob under \p Key, when there is a whole, undamaged one.
  std::optional<std::string> get(llvm::StringRef Kind,
                                 llvm::StringRef Key) const;
  /// Stores \p Blob under \p Key; false when it could not be written (a
  /// cache that cannot write only costs time).
  bool put(llvm::StringRef Kind, llvm::StringRef Key,
           llvm::StringRef Blob) const;

  const std::string &directory() const { return Dir; }

private:
  explicit CacheStore(std::string Dir) : Dir(std::move(Dir)) {}
  std::string pathOf(llvm::StringRef Kind, llvm::StringRef Key) const;

  std::string Dir;
};

/// `$XDG_CACHE_HOME/dbrace`, else `~/.cache/dbrace`; empty when neither
/// can be found.
std::string defaultCacheDirectory();

/// What identifies the running dbrace: the build ids of its executable and
/// of the libraries it has loaded (clang, LLVM, libpg_query), so a rebuilt
/// or upgraded dbrace never reads an older one's entries.
const std::string &buildIdentity();

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CACHESTORE_H
