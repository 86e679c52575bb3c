//===--- CacheSourceTrace.cpp - What preprocessing a file read ------------===//

#include "CacheSourceTrace.h"
#include "CacheBlob.h"
#include "CacheStore.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>
#include <mutex>

using namespace clang;
using namespace clang::tooling;

namespace dbrace::tool {
namespace {

constexpr llvm::StringLiteral Missing = "-";

std::string statusAnswer(const llvm::ErrorOr<llvm::vfs::Status> &Status) {
  if (!Status)
    return Missing.str();
  if (Status->isDirectory())
    return "folder";
  return Status->isRegularFile() ? "file" : "other";
}

std::string contentAnswer(llvm::StringRef Content) {
  return "content " + contentHash(Content);
}

std::string listingAnswer(llvm::vfs::FileSystem &FS, llvm::StringRef Dir) {
  std::error_code EC;
  std::vector<std::string> Names;
  for (llvm::vfs::directory_iterator It = FS.dir_begin(Dir, EC), End;
       It != End && !EC; It.increment(EC))
    Names.push_back(It->path().str());
  if (EC && Names.empty())
    return Missing.str();
  std::sort(Names.begin(), Names.end());
  return "names " + contentHash(llvm::join(Names, "\n"));
}

/// The content answer of \p Path. The headers most units include (the
/// standard library's) are read and hashed once per run, known by the
/// file's identity, time and size: a warm run replays hundreds per unit.
std::string contentNow(llvm::StringRef Path, llvm::vfs::FileSystem &FS) {
  static std::mutex Lock;
  static llvm::StringMap<std::string> *Known = new llvm::StringMap<std::string>;
  std::string Key;
  if (llvm::ErrorOr<llvm::vfs::Status> Status = FS.status(Path);
      Status && Status->isRegularFile()) {
    llvm::sys::fs::UniqueID Id = Status->getUniqueID();
    Key = (Path + "|" + llvm::Twine(Id.getDevice()) + ":" +
           llvm::Twine(Id.getFile()) + ":" +
           llvm::Twine(
               Status->getLastModificationTime().time_since_epoch().count()) +
           ":" + llvm::Twine(Status->getSize()))
              .str();
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto It = Known->find(Key); It != Known->end())
      return It->second;
  }
  auto File = FS.openFileForRead(Path);
  if (!File)
    return Missing.str();
  auto Content = (*File)->getBuffer(Path, -1, false, false);
  std::string Answer =
      Content ? contentAnswer((*Content)->getBuffer()) : Missing.str();
  if (!Key.empty()) {
    std::lock_guard<std::mutex> Guard(Lock);
    (*Known)[Key] = Answer;
  }
  return Answer;
}

/// What \p Kind of query on \p Path answers now.
std::string answerNow(char Kind, llvm::StringRef Path,
                      llvm::vfs::FileSystem &FS) {
  switch (Kind) {
  case 's':
    return statusAnswer(FS.status(Path));
  case 'e':
    return FS.exists(Path) ? "1" : "0";
  case 'l':
    return listingAnswer(FS, Path);
  default:
    return contentNow(Path, FS);
  }
}

/// A file read whole when it was opened, so what the preprocessor sees is
/// exactly what was hashed.
class ReadFile : public llvm::vfs::File {
public:
  ReadFile(llvm::vfs::Status Status, std::unique_ptr<llvm::MemoryBuffer> Data)
      : Status(std::move(Status)), Data(std::move(Data)) {}

  llvm::ErrorOr<llvm::vfs::Status> status() override { return Status; }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
  getBuffer(const llvm::Twine &Name, int64_t, bool, bool) override {
    return llvm::MemoryBuffer::getMemBufferCopy(Data->getBuffer(), Name);
  }
  std::error_code close() override { return {}; }

private:
  llvm::vfs::Status Status;
  std::unique_ptr<llvm::MemoryBuffer> Data;
};

class TracingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  using ProxyFileSystem::ProxyFileSystem;

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    llvm::ErrorOr<llvm::vfs::Status> Result = ProxyFileSystem::status(Path);
    note('s', Path, statusAnswer(Result));
    return Result;
  }

  bool exists(const llvm::Twine &Path) override {
    bool Result = ProxyFileSystem::exists(Path);
    note('e', Path, Result ? "1" : "0");
    return Result;
  }

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto File = ProxyFileSystem::openFileForRead(Path);
    if (!File) {
      note('o', Path, Missing.str());
      return File;
    }
    llvm::ErrorOr<llvm::vfs::Status> Status = (*File)->status();
    auto Content = (*File)->getBuffer(Path, -1, false, false);
    if (!Status || !Content) {
      note('o', Path, Missing.str());
      return std::make_error_code(std::errc::io_error);
    }
    note('o', Path, contentAnswer((*Content)->getBuffer()));
    return std::make_unique<ReadFile>(std::move(*Status), std::move(*Content));
  }

  llvm::vfs::directory_iterator dir_begin(const llvm::Twine &Dir,
                                          std::error_code &EC) override {
    note('l', Dir, listingAnswer(getUnderlyingFS(), absolute(Dir)));
    return ProxyFileSystem::dir_begin(Dir, EC);
  }

  SourceTrace take() {
    SourceTrace Trace;
    Trace.Queries = std::move(Queries);
    Trace.Digest = Digest.hex();
    return Trace;
  }

private:
  std::string absolute(const llvm::Twine &Path) {
    llvm::SmallString<256> Absolute;
    Path.toVector(Absolute);
    getUnderlyingFS().makeAbsolute(Absolute);
    return std::string(Absolute);
  }

  /// The first answer to each query: the preprocessor asks some twice.
  void note(char Kind, const llvm::Twine &Path, const std::string &Answer) {
    std::string Absolute = absolute(Path);
    if (!Seen.insert(std::string(1, Kind) + Absolute).second)
      return;
    Digest.add(std::string(1, Kind) + Absolute, Answer);
    Queries.push_back({Kind, std::move(Absolute)});
  }

  std::vector<SourceQuery> Queries;
  llvm::StringSet<> Seen;
  CacheKey Digest{"dbrace-sources/1"};
};

} // namespace

std::optional<SourceTrace>
traceSources(const CompilationDatabase &Compilations, llvm::StringRef File,
             llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
             const ArgumentsAdjuster &Adjust) {
  auto Tracing = llvm::makeIntrusiveRefCnt<TracingFileSystem>(std::move(FS));
  ClangTool Tool(Compilations, {File.str()},
                 std::make_shared<PCHContainerOperations>(), Tracing);
  Tool.appendArgumentsAdjuster(Adjust);
  IgnoringDiagConsumer Quiet;
  Tool.setDiagnosticConsumer(&Quiet);
  Tool.setPrintErrorMessage(false);
  std::unique_ptr<FrontendActionFactory> Factory =
      newFrontendActionFactory<PreprocessOnlyAction>();
  if (Tool.run(Factory.get()) != 0)
    return std::nullopt;
  return Tracing->take();
}

SourceRecorder::SourceRecorder(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
    : Tracing(llvm::makeIntrusiveRefCnt<TracingFileSystem>(std::move(FS))) {}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
SourceRecorder::fileSystem() const {
  return Tracing;
}

SourceTrace SourceRecorder::take() {
  return static_cast<TracingFileSystem &>(*Tracing).take();
}

std::string replayDigest(const std::vector<SourceQuery> &Queries,
                         llvm::vfs::FileSystem &FS) {
  CacheKey Digest("dbrace-sources/1");
  for (const SourceQuery &Q : Queries)
    Digest.add(std::string(1, Q.Kind) + Q.Path, answerNow(Q.Kind, Q.Path, FS));
  return Digest.hex();
}

std::string encodeTrace(const SourceTrace &Trace) {
  BlobWriter Out;
  Out.text(Trace.Digest);
  Out.number(Trace.Queries.size());
  for (const SourceQuery &Q : Trace.Queries) {
    Out.number(static_cast<unsigned char>(Q.Kind));
    Out.text(Q.Path);
  }
  return Out.take();
}

std::optional<SourceTrace> decodeTrace(llvm::StringRef Blob) {
  BlobReader In(Blob);
  SourceTrace Trace;
  uint32_t Count = 0;
  if (!In.text(Trace.Digest) || !In.count(Count, 8))
    return std::nullopt;
  Trace.Queries.resize(Count);
  for (SourceQuery &Q : Trace.Queries) {
    uint32_t Kind = 0;
    if (!In.number(Kind) || Kind > 127 ||
        !llvm::StringRef("selo").contains(static_cast<char>(Kind)) ||
        !In.text(Q.Path))
      return std::nullopt;
    Q.Kind = static_cast<char>(Kind);
  }
  if (!In.atEnd())
    return std::nullopt;
  return Trace;
}

} // namespace dbrace::tool
