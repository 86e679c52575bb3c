//===--- SchemaFiles.cpp - The schema files a run is given ----------------===//

#include "SchemaFiles.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <mutex>

namespace dbrace {

namespace {

/// The files \p Path stands for, or an error.
std::vector<std::string> filesOf(const std::string &Path, std::string &Error) {
  if (!llvm::sys::fs::is_directory(Path))
    return {Path};
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Path, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::sys::path::extension(It->path()).equals_insensitive(".sql") &&
        !llvm::sys::fs::is_directory(It->path()))
      Files.push_back(It->path());
  if (EC)
    Error = Path + ": error: cannot read the folder: " + EC.message();
  std::sort(Files.begin(), Files.end());
  return Files;
}

std::shared_ptr<const sqlfacts::Schema>
load(const std::vector<std::string> &Paths, std::string &Error) {
  auto Result = std::make_shared<sqlfacts::Schema>();
  for (const std::string &Path : Paths)
    for (const std::string &File : filesOf(Path, Error)) {
      if (!Error.empty())
        return nullptr;
      auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
      if (!Buffer) {
        Error = File + ": error: cannot read the schema file: " +
                Buffer.getError().message();
        return nullptr;
      }
      Error = sqlfacts::readSchema((*Buffer)->getBuffer(), File, *Result);
      if (!Error.empty())
        return nullptr;
    }
  return Error.empty() ? Result : nullptr;
}

} // namespace

std::shared_ptr<const sqlfacts::Schema>
sharedSchema(const std::vector<std::string> &Paths, std::string &Error) {
  static std::mutex M;
  static auto *Cache = new std::map<
      std::string,
      std::pair<std::shared_ptr<const sqlfacts::Schema>, std::string>>;
  std::string Key = llvm::join(Paths, ";");
  std::lock_guard<std::mutex> Lock(M);
  auto It = Cache->find(Key);
  if (It == Cache->end()) {
    std::string Why;
    auto Schema = load(Paths, Why);
    It = Cache->emplace(Key, std::make_pair(Schema, Why)).first;
  }
  Error = It->second.second;
  return It->second.first;
}

} // namespace dbrace
