//===--- Baseline.cpp - Findings a project has accepted for now -----------===//

#include "Baseline.h"
#include "NestingDepth.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

using clang::tidy::ClangTidyError;

namespace dbrace::tool {
namespace {

// Bumped when the key changes meaning, so an old file is refused rather
// than silently matching nothing.
constexpr int64_t FormatVersion = 1;

std::string hashLine(llvm::StringRef Line) {
  std::array<uint8_t, 32> Digest =
      llvm::SHA256::hash(llvm::arrayRefFromStringRef(Line.trim()));
  // 64 bits tell lines apart well enough and keep the file readable.
  return llvm::toHex(llvm::ArrayRef(Digest).take_front(8), /*LowerCase=*/true);
}

llvm::Error malformed(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Path + ": error: " + Why);
}

} // namespace

std::string BaselineKey::joined() const {
  // A separator no path, check name or message contains.
  return Check + '\x1f' + File + '\x1f' + Message + '\x1f' + LineHash;
}

bool isFinding(const ClangTidyError &E) {
  return llvm::StringRef(E.DiagnosticName).starts_with("dbrace-");
}

BaselineKey baselineKey(const ClangTidyError &E, SourcePositions &Sources) {
  BaselineKey K;
  K.Check = E.DiagnosticName;
  K.File = Sources.displayPath(E.Message.FilePath);
  K.Message = E.Message.Message;
  K.LineHash =
      hashLine(Sources.lineText(E.Message.FilePath, E.Message.FileOffset));
  return K;
}

std::string findingFingerprint(const ClangTidyError &E,
                               SourcePositions &Sources) {
  std::array<uint8_t, 32> Digest = llvm::SHA256::hash(
      llvm::arrayRefFromStringRef(baselineKey(E, Sources).joined()));
  return llvm::toHex(llvm::ArrayRef(Digest).take_front(16), /*LowerCase=*/true);
}

llvm::Expected<Baseline> Baseline::load(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return malformed(Path, "cannot read the baseline: " +
                               Buffer.getError().message());
  if (std::optional<unsigned> Line =
          ::dbrace::lineNestedTooDeepJson((*Buffer)->getBuffer()))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        (Path + ":" + llvm::Twine(*Line) + ": error: nested too deeply").str());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return malformed(Path, "not JSON: " + llvm::toString(Parsed.takeError()));
  const llvm::json::Object *Top = Parsed->getAsObject();
  if (!Top)
    return malformed(Path, "expected an object with 'version' and 'findings'");
  if (Top->getInteger("version") != FormatVersion)
    return malformed(Path, "unsupported baseline version; expected " +
                               llvm::Twine(FormatVersion));
  const llvm::json::Array *Findings = Top->getArray("findings");
  if (!Findings)
    return malformed(Path, "missing 'findings' array");

  Baseline B;
  for (size_t I = 0; I < Findings->size(); ++I) {
    const llvm::json::Object *F = (*Findings)[I].getAsObject();
    BaselineKey K;
    auto Field = [&](llvm::StringRef Name, std::string &Out) {
      std::optional<llvm::StringRef> V = F ? F->getString(Name) : std::nullopt;
      if (V)
        Out = V->str();
      return V.has_value();
    };
    if (!Field("check", K.Check) || !Field("file", K.File) ||
        !Field("message", K.Message) || !Field("lineHash", K.LineHash))
      return malformed(Path, "findings[" + llvm::Twine(I) +
                                 "] needs string fields check, file, "
                                 "message and lineHash");
    ++B.Remaining[K.joined()];
  }
  return B;
}

unsigned Baseline::filter(std::vector<ClangTidyError> &Errors,
                          SourcePositions &Sources) {
  unsigned Dropped = 0;
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    if (!isFinding(E))
      return false;
    auto It = Remaining.find(baselineKey(E, Sources).joined());
    if (It == Remaining.end() || It->second == 0)
      return false;
    --It->second;
    ++Dropped;
    return true;
  });
  return Dropped;
}

unsigned Baseline::unused() const {
  unsigned N = 0;
  for (const auto &Entry : Remaining)
    N += Entry.second;
  return N;
}

llvm::Error writeBaseline(llvm::StringRef Path,
                          const std::vector<ClangTidyError> &Errors,
                          SourcePositions &Sources, unsigned &Written) {
  std::vector<BaselineKey> Keys;
  for (const ClangTidyError &E : Errors)
    if (isFinding(E))
      Keys.push_back(baselineKey(E, Sources));
  // Sorted by content, so regenerating it gives a small, reviewable diff.
  llvm::sort(Keys, [](const BaselineKey &A, const BaselineKey &B) {
    return std::tie(A.File, A.Check, A.Message, A.LineHash) <
           std::tie(B.File, B.Check, B.Message, B.LineHash);
  });
  Written = Keys.size();
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    llvm::json::OStream J(OS, /*IndentSize=*/2);
    J.object([&] {
      J.attribute("version", FormatVersion);
      J.attribute("tool", "dbrace");
      J.attributeArray("findings", [&] {
        for (const BaselineKey &K : Keys)
          J.object([&] {
            J.attribute("check", K.Check);
            J.attribute("file", K.File);
            J.attribute("message", K.Message);
            J.attribute("lineHash", K.LineHash);
          });
      });
    });
    OS << "\n";
    return llvm::Error::success();
  });
}

} // namespace dbrace::tool
