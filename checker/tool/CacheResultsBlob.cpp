//===--- CacheResultsBlob.cpp - A unit's results as a cache entry ---------===//

#include "CacheBlob.h"
#include "CacheExportsBlob.h"
#include "CacheResults.h"
#include "CacheTimelinesBlob.h"
#include "UnitRecording.h"

using namespace clang;
using namespace clang::tidy;

namespace dbrace::tool {
namespace {

void writeMessage(BlobWriter &Out, const tooling::DiagnosticMessage &M) {
  Out.text(M.Message);
  Out.text(M.FilePath);
  Out.number(M.FileOffset);
  // Sorted by file, so an entry is the same bytes whatever the map's order.
  std::vector<llvm::StringRef> Files;
  for (const auto &Entry : M.Fix)
    Files.push_back(Entry.getKey());
  llvm::sort(Files);
  Out.number(Files.size());
  for (llvm::StringRef File : Files) {
    const tooling::Replacements &Edits = M.Fix.find(File)->second;
    Out.text(File);
    Out.number(Edits.size());
    for (const tooling::Replacement &R : Edits) {
      Out.text(R.getFilePath());
      Out.number(R.getOffset());
      Out.number(R.getLength());
      Out.text(R.getReplacementText());
    }
  }
  Out.number(M.Ranges.size());
  for (const tooling::FileByteRange &R : M.Ranges) {
    Out.text(R.FilePath);
    Out.number(R.FileOffset);
    Out.number(R.Length);
  }
}

bool readEdits(BlobReader &In, tooling::Replacements &Edits) {
  uint32_t Count = 0;
  if (!In.count(Count, 16))
    return false;
  for (uint32_t I = 0; I < Count; ++I) {
    std::string Path, Text;
    uint32_t Offset = 0, Length = 0;
    if (!In.text(Path) || !In.number(Offset) || !In.number(Length) ||
        !In.text(Text))
      return false;
    if (llvm::Error E =
            Edits.add(tooling::Replacement(Path, Offset, Length, Text))) {
      llvm::consumeError(std::move(E));
      return false;
    }
  }
  return true;
}

bool readMessage(BlobReader &In, tooling::DiagnosticMessage &M) {
  uint32_t Files = 0, Ranges = 0;
  if (!In.text(M.Message) || !In.text(M.FilePath) || !In.number(M.FileOffset) ||
      !In.count(Files, 8))
    return false;
  for (uint32_t I = 0; I < Files; ++I) {
    std::string File;
    if (!In.text(File) || !readEdits(In, M.Fix[File]))
      return false;
  }
  if (!In.count(Ranges, 12))
    return false;
  for (uint32_t I = 0; I < Ranges; ++I) {
    tooling::FileByteRange R;
    if (!In.text(R.FilePath) || !In.number(R.FileOffset) ||
        !In.number(R.Length))
      return false;
    M.Ranges.push_back(std::move(R));
  }
  return true;
}

void writeError(BlobWriter &Out, const ClangTidyError &E) {
  Out.text(E.DiagnosticName);
  Out.number(E.DiagLevel);
  Out.text(E.BuildDirectory);
  Out.number(E.IsWarningAsError);
  writeMessage(Out, E.Message);
  Out.number(E.Notes.size());
  for (const tooling::DiagnosticMessage &Note : E.Notes)
    writeMessage(Out, Note);
  Out.number(E.EnabledDiagnosticAliases.size());
  for (const std::string &Alias : E.EnabledDiagnosticAliases)
    Out.text(Alias);
}

std::optional<ClangTidyError> readError(BlobReader &In) {
  std::string Name, BuildDirectory;
  uint32_t Level = 0, AsError = 0, Notes = 0, Aliases = 0;
  if (!In.text(Name) || !In.number(Level) || !In.text(BuildDirectory) ||
      !In.number(AsError) || Level > ClangTidyError::Error || AsError > 1)
    return std::nullopt;
  ClangTidyError E(Name, static_cast<ClangTidyError::Level>(Level),
                   BuildDirectory, AsError);
  if (!readMessage(In, E.Message) || !In.count(Notes, 20))
    return std::nullopt;
  E.Notes.resize(Notes);
  for (tooling::DiagnosticMessage &Note : E.Notes)
    if (!readMessage(In, Note))
      return std::nullopt;
  if (!In.count(Aliases))
    return std::nullopt;
  E.EnabledDiagnosticAliases.resize(Aliases);
  for (std::string &Alias : E.EnabledDiagnosticAliases)
    if (!In.text(Alias))
      return std::nullopt;
  return E;
}

template <typename Strings>
void writeStrings(BlobWriter &Out, const Strings &List) {
  Out.number(List.size());
  for (const std::string &S : List)
    Out.text(S);
}

template <typename Insert> bool readStrings(BlobReader &In, Insert Add) {
  uint32_t Count = 0;
  if (!In.count(Count))
    return false;
  for (uint32_t I = 0; I < Count; ++I) {
    std::string S;
    if (!In.text(S))
      return false;
    Add(std::move(S));
  }
  return true;
}

} // namespace

std::string encodeResults(const std::vector<ClangTidyError> &Errors,
                          const UnitRecord &Record) {
  BlobWriter Out;
  Out.number(Errors.size());
  for (const ClangTidyError &E : Errors)
    writeError(Out, E);
  Out.number(Record.FunctionsNotAnalysed);
  writeStrings(Out, Record.PlacesNotUnderstood);
  writeStrings(Out, Record.RulesMatched);
  writeStrings(Out, Record.RuleWarnings);
  writeExports(Out, Record.Exports);
  writeTimelines(Out, Record.Timelines);
  Out.flag(Record.ExportsCollected);
  Out.flag(Record.TimelinesCollected);
  return Out.take();
}

bool decodeResults(llvm::StringRef Blob, std::vector<ClangTidyError> &Errors,
                   UnitRecord &Record) {
  BlobReader In(Blob);
  uint32_t Count = 0;
  if (!In.count(Count, 24))
    return false;
  for (uint32_t I = 0; I < Count; ++I) {
    std::optional<ClangTidyError> E = readError(In);
    if (!E)
      return false;
    Errors.push_back(std::move(*E));
  }
  return In.number(Record.FunctionsNotAnalysed) &&
         readStrings(In,
                     [&](std::string S) {
                       Record.PlacesNotUnderstood.insert(std::move(S));
                     }) &&
         readStrings(In,
                     [&](std::string S) {
                       Record.RulesMatched.insert(std::move(S));
                     }) &&
         readStrings(In,
                     [&](std::string S) {
                       Record.RuleWarnings.push_back(std::move(S));
                     }) &&
         readExports(In, Record.Exports) &&
         readTimelines(In, Record.Timelines) &&
         In.flag(Record.ExportsCollected) &&
         In.flag(Record.TimelinesCollected) && In.atEnd();
}

} // namespace dbrace::tool
