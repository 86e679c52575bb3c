//===--- ShardSummaries.cpp - A shard's first pass, for dbrace merge ------===//

#include "ShardSummaries.h"
#include "CacheExportsBlob.h"
#include "CacheStore.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

namespace dbrace::tool {
namespace {

/// The first line of the file; the second is the build of dbrace that
/// wrote it, since the units are in the cache's binary layout.
constexpr llvm::StringLiteral Magic = "dbrace shard summaries 1\n";

llvm::Error damaged(llvm::StringRef Path, llvm::StringRef Why) {
  return llvm::createStringError(std::errc::invalid_argument,
                                 "dbrace: error: %s: %s", Path.str().c_str(),
                                 Why.str().c_str());
}

} // namespace

::dbrace::MergedSummaries mergeUnits(std::vector<UnitSummaries> Units) {
  llvm::stable_sort(Units, [](const UnitSummaries &A, const UnitSummaries &B) {
    return A.Path < B.Path;
  });
  std::vector<std::vector<::dbrace::ExportedFunction>> Functions;
  for (UnitSummaries &U : Units)
    Functions.push_back(std::move(U.Functions));
  return ::dbrace::mergeSummaries(Functions);
}

bool writeShardSummaries(const std::vector<UnitSummaries> &Units,
                         const std::string &Path, std::string &Error) {
  UnitExports Exports;
  for (const UnitSummaries &U : Units)
    for (const ::dbrace::ExportedFunction &F : U.Functions)
      Exports.emplace_back(U.Path, F);
  BlobWriter Blob;
  Blob.number(Units.size());
  for (const UnitSummaries &U : Units)
    Blob.text(U.Path);
  writeExports(Blob, Exports);
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        OS << Magic << buildIdentity() << "\n" << Blob.take();
        return llvm::Error::success();
      })) {
    Error = "dbrace: error: cannot write '" + Path +
            "': " + llvm::toString(std::move(E));
    return false;
  }
  return true;
}

bool isShardSummaries(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFileSlice(Path, Magic.size(), 0);
  return Buffer && (*Buffer)->getBuffer() == Magic;
}

llvm::Expected<std::vector<UnitSummaries>>
readShardSummaries(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
  if (!Buffer)
    return damaged(Path, Buffer.getError().message());
  llvm::StringRef Text = (*Buffer)->getBuffer();
  if (!Text.consume_front(Magic))
    return damaged(Path, "not a shard's summaries file");
  auto [Build, Rest] = Text.split('\n');
  if (Build != buildIdentity())
    return damaged(Path, "written by another build of dbrace; run the "
                         "shards' first pass again with this one");
  BlobReader In(Rest);
  uint32_t Count = 0;
  if (!In.count(Count))
    return damaged(Path, "damaged (cut short?)");
  std::vector<UnitSummaries> Units(Count);
  llvm::StringMap<size_t> UnitOfPath;
  for (size_t I = 0; I < Units.size(); ++I) {
    if (!In.text(Units[I].Path))
      return damaged(Path, "damaged (cut short?)");
    UnitOfPath[Units[I].Path] = I;
  }
  UnitExports Exports;
  if (!readExports(In, Exports) || !In.atEnd())
    return damaged(Path, "damaged (cut short?)");
  for (auto &[UnitPath, F] : Exports) {
    auto It = UnitOfPath.find(UnitPath);
    if (It == UnitOfPath.end())
      return damaged(Path, "damaged (a function of no unit)");
    Units[It->second].Functions.push_back(std::move(F));
  }
  return Units;
}

} // namespace dbrace::tool
