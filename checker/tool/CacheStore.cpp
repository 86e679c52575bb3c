//===--- CacheStore.cpp - Blobs on disk under content keys ----------------===//

#include "CacheStore.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <vector>

namespace dbrace::tool {
namespace {

/// An entry: this magic, the payload's length (8 bytes, little endian),
/// the payload's content hash, then the payload.
constexpr llvm::StringLiteral Magic = "dbrace-cache-entry/1\n";
constexpr size_t HashDigits = 32;
constexpr size_t HeaderSize = Magic.size() + 8 + HashDigits;

std::string lengthBytes(uint64_t Length) {
  std::string Bytes(8, '\0');
  llvm::support::endian::write64le(Bytes.data(), Length);
  return Bytes;
}

/// Every regular file below \p Dir, sorted.
std::vector<std::string> filesBelow(llvm::StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC))
    if (It->type() == llvm::sys::fs::file_type::regular_file)
      Files.push_back(It->path());
  std::sort(Files.begin(), Files.end());
  return Files;
}

} // namespace

CacheKey::CacheKey(llvm::StringRef Purpose) { add("purpose", Purpose); }

CacheKey &CacheKey::add(llvm::StringRef Label, llvm::StringRef Value) {
  Hasher.update(Label);
  Hasher.update(lengthBytes(Value.size()));
  Hasher.update(Value);
  return *this;
}

CacheKey &CacheKey::addFileContent(llvm::StringRef Label,
                                   llvm::StringRef Path) {
  add(Label, Path);
  if (llvm::sys::fs::is_directory(Path)) {
    for (const std::string &File : filesBelow(Path))
      addFileContent("below", File);
    return add("end of folder", Path);
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Content =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Content)
    return add("unreadable", Content.getError().message());
  return add("content", (*Content)->getBuffer());
}

std::string CacheKey::hex() {
  return llvm::toHex(Hasher.result<32>(), /*LowerCase=*/true);
}

std::string contentHash(llvm::StringRef Data) {
  return llvm::toHex(llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(Data)),
                     /*LowerCase=*/true);
}

llvm::Expected<CacheStore> CacheStore::open(llvm::StringRef Dir) {
  llvm::SmallString<256> Absolute(Dir);
  if (std::error_code EC = llvm::sys::fs::make_absolute(Absolute))
    return llvm::createStringError(EC, "cannot use the cache folder '" + Dir +
                                           "': " + EC.message());
  if (std::error_code EC = llvm::sys::fs::create_directories(Absolute))
    return llvm::createStringError(EC, "cannot create the cache folder '" +
                                           Dir + "': " + EC.message());
  if (!llvm::sys::fs::is_directory(Absolute))
    return llvm::createStringError(
        std::make_error_code(std::errc::not_a_directory),
        "the cache folder '" + Dir + "' is not a folder");
  return CacheStore(std::string(Absolute));
}

std::string CacheStore::pathOf(llvm::StringRef Kind,
                               llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Kind, Key.take_front(2), Key);
  return std::string(Path);
}

std::optional<std::string> CacheStore::get(llvm::StringRef Kind,
                                           llvm::StringRef Key) const {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Entry =
      llvm::MemoryBuffer::getFile(pathOf(Kind, Key), /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Entry)
    return std::nullopt;
  llvm::StringRef Bytes = (*Entry)->getBuffer();
  if (Bytes.size() < HeaderSize || !Bytes.starts_with(Magic))
    return std::nullopt;
  uint64_t Length =
      llvm::support::endian::read64le(Bytes.data() + Magic.size());
  llvm::StringRef Hash = Bytes.substr(Magic.size() + 8, HashDigits);
  llvm::StringRef Payload = Bytes.drop_front(HeaderSize);
  if (Payload.size() != Length || contentHash(Payload) != Hash)
    return std::nullopt;
  return Payload.str();
}

bool CacheStore::put(llvm::StringRef Kind, llvm::StringRef Key,
                     llvm::StringRef Blob) const {
  std::string Path = pathOf(Kind, Key);
  llvm::StringRef Folder = llvm::sys::path::parent_path(Path);
  if (llvm::sys::fs::create_directories(Folder))
    return false;
  // A temporary beside the entry, so the rename stays on one file system
  // and is atomic: a reader never sees half an entry.
  int FD = -1;
  llvm::SmallString<256> Temporary;
  if (llvm::sys::fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Temporary))
    return false;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Magic << lengthBytes(Blob.size()) << contentHash(Blob) << Blob;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      llvm::sys::fs::remove(Temporary);
      return false;
    }
  }
  if (llvm::sys::fs::rename(Temporary, Path)) {
    llvm::sys::fs::remove(Temporary);
    return false;
  }
  return true;
}

std::string defaultCacheDirectory() {
  llvm::SmallString<256> Dir;
  if (std::optional<std::string> Xdg =
          llvm::sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && !Xdg->empty())
    Dir = *Xdg;
  else if (llvm::sys::path::home_directory(Dir))
    llvm::sys::path::append(Dir, ".cache");
  else
    return {};
  llvm::sys::path::append(Dir, "dbrace");
  return std::string(Dir);
}

} // namespace dbrace::tool
